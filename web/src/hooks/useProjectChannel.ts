import { useEffect, useState } from 'react'
import { chatService } from '@/services/api/chatService'
import { executionService } from '@/services/api/executionService'
import { fileService } from '@/services/api/fileService'
import {
  ProjectChannel,
  type ChannelMessage,
  type ChannelStatus,
} from '@/services/websocket/chatWebSocket'
import { ownMessages } from '@/hooks/useStreaming'
import { fromView, useChatStore } from '@/store/chatStore'
import { useExecutionStore } from '@/store/executionStore'
import { useProjectStore } from '@/store/projectStore'
import type { BuildProblem, MessageView, RunView } from '@/types/api'
import type { ChatEvent } from '@/types/chat.types'

/** Whether this tab is streaming a reply itself (its events then come through its own stream). */
function streamingHere(): boolean {
  const streaming = useChatStore.getState().streaming
  return streaming !== null && !streaming.watched
}

function filesChanged(paths: string[]) {
  useChatStore.setState((state) => ({
    fileChanges: { version: state.fileChanges.version + 1, paths },
  }))
}

async function reloadConversation(projectId: string) {
  const views = await chatService.messages(projectId)
  if (!streamingHere()) useChatStore.getState().setConversation(projectId, views)
}

/** Applies one channel message to the stores; what this tab did itself is already there. */
export function applyChannelMessage(projectId: string, message: ChannelMessage) {
  switch (message.type) {
    case 'file.changed':
    case 'file.deleted': {
      const path = String(message.path)
      const known = useProjectStore.getState().files.find((file) => file.path === path)
      const deleted = message.type === 'file.deleted'
      if (deleted ? known === undefined : known?.version === message.version) return
      filesChanged([path])
      return
    }
    case 'file.renamed':
      filesChanged([String(message.from), String(message.to)])
      return
    case 'message.created': {
      if (streamingHere() || ownMessages.has(String(message.messageId))) return
      const view = message.message as MessageView
      const chat = useChatStore.getState()
      if (chat.messages.some((existing) => existing.id === view.id)) return
      if (view.role === 'assistant' && view.status === 'streaming') {
        chat.startReply(null, fromView(view))
        useChatStore.setState((state) =>
          state.streaming ? { streaming: { ...state.streaming, watched: true } } : state,
        )
      } else {
        useChatStore.setState((state) => ({ messages: [...state.messages, fromView(view)] }))
      }
      return
    }
    case 'message.event': {
      const streaming = useChatStore.getState().streaming
      if (streaming?.watched && streaming.replyId === message.messageId) {
        useChatStore.getState().applyEvents([message.event as ChatEvent])
      }
      return
    }
    case 'message.updated':
    case 'message.deleted':
      if (!streamingHere() && !ownMessages.has(String(message.messageId))) {
        void reloadConversation(projectId).catch(() => undefined)
      }
      return
    case 'run.started':
    case 'run.ended':
      useExecutionStore.getState().upsertRun(message.run as RunView)
      return
    case 'problems.updated':
      useExecutionStore.getState().setProblems(message.problems as BuildProblem[])
      return
    case 'balance.changed':
      useChatStore.setState((state) => ({ balanceVersion: state.balanceVersion + 1 }))
      return
    default:
      return
  }
}

/** Reloads what the page shows of the project after messages were missed. */
async function resync(projectId: string) {
  const [files] = await Promise.all([
    fileService.list(projectId),
    reloadConversation(projectId),
    executionService.list(projectId).then((runs) => useExecutionStore.getState().setRuns(runs)),
  ])
  useProjectStore.getState().updateFiles(files)
  filesChanged([])
}

/** Keeps the page in step with the project through its live channel; returns the connection state. */
export function useProjectChannel(projectId: string | undefined): ChannelStatus {
  const [status, setStatus] = useState<ChannelStatus>('connecting')
  useEffect(() => {
    if (!projectId) return
    const channel = new ProjectChannel({
      projectId,
      ticket: (id) => executionService.eventsTicket(id),
      onMessage: (message) => applyChannelMessage(projectId, message),
      onResync: () => void resync(projectId).catch(() => undefined),
      onStatus: setStatus,
    })
    channel.connect()
    return () => channel.close()
  }, [projectId])
  return status
}
