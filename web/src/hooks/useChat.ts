import { useCallback, useEffect, useState } from 'react'
import { useStreaming } from '@/hooks/useStreaming'
import { errorMessage } from '@/services/api/apiError'
import { chatService } from '@/services/api/chatService'
import { localMessage, useChatStore } from '@/store/chatStore'
import type { RevertResult } from '@/types/api'

/**
 * The conversation of one project: loads it (reattaching to a reply still being written), sends,
 * regenerates, stops, deletes and reverts. Every change goes through the store's actions, which
 * update from the current state, never from a copy captured by a callback.
 */
export function useChat(projectId: string, openFile?: string | null) {
  const { run, abort } = useStreaming()
  const [loadError, setLoadError] = useState<unknown>(null)
  const [actionError, setActionError] = useState<string | null>(null)

  const load = useCallback(
    async (signal?: AbortSignal) => {
      setLoadError(null)
      try {
        const views = await chatService.messages(projectId, signal)
        useChatStore.getState().setConversation(projectId, views)
        const last = views.at(-1)
        const state = useChatStore.getState()
        if (last?.role === 'assistant' && state.messages.at(-1)?.status === 'streaming') {
          state.startReply(null, { ...state.messages.at(-1)!, content: '', operations: [] })
          void run(last.id, (options) => chatService.resume(last.id, options)).catch(() => {})
        }
      } catch (error) {
        if (!signal?.aborted) setLoadError(error)
      }
    },
    [projectId, run],
  )

  useEffect(() => {
    const controller = new AbortController()
    useChatStore.getState().reset()
    void load(controller.signal)
    return () => controller.abort()
  }, [load])

  const send = useCallback(
    async (text: string) => {
      const message = text.trim()
      const state = useChatStore.getState()
      if (!message || state.streaming) return
      setActionError(null)
      const attachedFiles = state.attachedFiles
      const user = localMessage('user', { content: message, attachedFiles })
      const reply = localMessage('assistant', {
        replyTo: user.id,
        statusText: 'Sending…',
      })
      state.startReply(user, reply)
      state.clearAttachments()
      try {
        await run(reply.id, (options) =>
          chatService.send(
            {
              projectId,
              message,
              attachedFiles,
              mode: state.mode,
              model: state.model ?? undefined,
              openFile: openFile ?? undefined,
            },
            options,
          ),
        )
      } catch {
        // the reply shows why (402 insufficient tokens, a lost connection)
      }
    },
    [projectId, openFile, run],
  )

  const regenerate = useCallback(
    async (replyId: string) => {
      const state = useChatStore.getState()
      const old = state.messages.find((m) => m.id === replyId)
      if (!old || state.streaming) return
      setActionError(null)
      state.startReply(null, {
        ...old,
        content: '',
        thinking: '',
        operations: [],
        tokensUsed: 0,
        status: 'streaming',
        error: null,
        statusText: 'Regenerating…',
      })
      try {
        await run(replyId, (options) => chatService.regenerate(replyId, options))
      } catch {
        // the reply shows why
      }
    },
    [run],
  )

  /** Asks the server to stop the reply (what arrived is kept); the stream then ends by itself. */
  const stop = useCallback(async () => {
    const streaming = useChatStore.getState().streaming
    if (!streaming) return
    const id = streaming.replyId.startsWith('local-') ? streaming.userMessageId : streaming.replyId
    if (!id || id.startsWith('local-')) {
      abort()
      return
    }
    try {
      await chatService.stop(id)
    } catch (error) {
      setActionError(errorMessage(error))
      abort()
    }
  }, [abort])

  const remove = useCallback(
    async (messageId: string) => {
      setActionError(null)
      try {
        await chatService.remove(messageId)
        await load()
      } catch (error) {
        setActionError(errorMessage(error))
      }
    },
    [load],
  )

  const revert = useCallback(async (replyId: string, force = false): Promise<RevertResult> => {
    setActionError(null)
    const result = await chatService.revert(replyId, force)
    if (result.reverted.length > 0) {
      const { fileChanges } = useChatStore.getState()
      useChatStore.setState({
        fileChanges: { version: fileChanges.version + 1, paths: result.reverted },
      })
    }
    return result
  }, [])

  return { load, loadError, actionError, send, regenerate, stop, remove, revert }
}
