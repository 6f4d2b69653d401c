import { create } from 'zustand'
import type { ChatMode, MessageView } from '@/types/api'
import type { ChatEvent, ChatMessage, FileOperation, MessageStatus } from '@/types/chat.types'

/** The reply being streamed, by its current id (a local one until the first status event). */
export interface StreamingReply {
  replyId: string
  userMessageId: string | null
  /** Started in another tab and followed through the project channel, not this tab's stream. */
  watched?: boolean
}

export interface ChatState {
  projectId: string | null
  /** The conversation, oldest first. */
  messages: ChatMessage[]
  loaded: boolean
  streaming: StreamingReply | null
  mode: ChatMode
  /** The chosen model id; null for the server's default. */
  model: string | null
  /** Project files attached to the next message. */
  attachedFiles: string[]
  /** Bumped whenever an operation completes, with the paths it touched. */
  fileChanges: { version: number; paths: string[] }
  /** Bumped when a reply ends, so the token balance reloads. */
  balanceVersion: number
}

export interface ChatActions {
  setConversation: (projectId: string, views: MessageView[]) => void
  /** A reply starts streaming: adds the user message (unless regenerating) and the reply. */
  startReply: (user: ChatMessage | null, reply: ChatMessage) => void
  /** Applies streamed events (batched per animation frame) to the streaming reply. */
  applyEvents: (events: ChatEvent[]) => void
  /** The stream could not start or failed outside the events: marks the reply. */
  failReply: (replyId: string, message: string) => void
  removeMessages: (ids: string[]) => void
  setMode: (mode: ChatMode) => void
  setModel: (model: string | null) => void
  toggleAttachment: (path: string) => void
  clearAttachments: () => void
  reset: () => void
}

export type ChatStore = ChatState & ChatActions

export const initialChatState: ChatState = {
  projectId: null,
  messages: [],
  loaded: false,
  streaming: null,
  mode: 'codeGeneration',
  model: null,
  attachedFiles: [],
  fileChanges: { version: 0, paths: [] },
  balanceVersion: 0,
}

const FINAL: readonly string[] = ['complete', 'cancelled', 'error']

export function fromView(view: MessageView): ChatMessage {
  return {
    id: view.id,
    role: view.role === 'user' || view.role === 'system' ? view.role : 'assistant',
    content: view.content,
    thinking: '',
    attachedFiles: view.attachedFiles,
    operations: view.operations,
    tokensUsed: view.tokensUsed,
    status: (FINAL.includes(view.status) ? view.status : 'streaming') as MessageStatus,
    statusText: null,
    error: null,
    replyTo: view.replyTo,
    createdAt: view.createdAt,
  }
}

let localIds = 0
/** A message made on this side before the server names it. */
export function localMessage(
  role: ChatMessage['role'],
  fields: Partial<ChatMessage> = {},
): ChatMessage {
  localIds++
  return {
    id: `local-${role}-${localIds}`,
    role,
    content: '',
    thinking: '',
    attachedFiles: [],
    operations: [],
    tokensUsed: 0,
    status: role === 'assistant' ? 'streaming' : 'complete',
    statusText: null,
    error: null,
    replyTo: null,
    createdAt: new Date().toISOString(),
    ...fields,
  }
}

/**
 * The files the latest AI reply changed (created, modified or renamed to), for the file list to
 * highlight; deletions are gone from the list anyway.
 */
export function filesChangedByAi(messages: ChatMessage[]): Set<string> {
  for (const message of [...messages].reverse()) {
    if (message.role !== 'assistant') continue
    const changed = message.operations
      .filter((op) => op.status === 'complete' && op.type !== 'delete')
      .map((op) => (op.type === 'rename' && op.to ? op.to : op.path))
    if (changed.length > 0) return new Set(changed)
  }
  return new Set()
}

function upsertOperation(operations: FileOperation[], next: FileOperation): FileOperation[] {
  const index = operations.findIndex((op) => op.id === next.id)
  if (index < 0) return [...operations, next]
  const copy = [...operations]
  copy[index] = next
  return copy
}

type ReplyState = Pick<ChatState, 'messages' | 'streaming' | 'fileChanges' | 'balanceVersion'>

/**
 * The reducer of streamed events: a pure function of the current state, so events applied in a
 * batch never read a stale copy of the conversation.
 */
export function applyChatEvents(state: ReplyState, events: ChatEvent[]): ReplyState {
  let { messages, streaming, fileChanges, balanceVersion } = state
  const changed: string[] = []
  for (const event of events) {
    if (!streaming) break
    const { replyId } = streaming
    const index = messages.findIndex((m) => m.id === replyId)
    const found = messages[index]
    if (!found) break
    let reply: ChatMessage = found
    let renameUser: string | null = null
    switch (event.type) {
      case 'status':
        reply = { ...reply, statusText: event.message ?? event.status }
        if (event.messageId && event.messageId !== replyId) {
          reply = { ...reply, id: event.messageId }
          streaming = { ...streaming, replyId: event.messageId }
        }
        if (event.userMessageId && streaming.userMessageId !== event.userMessageId) {
          renameUser = event.userMessageId
        }
        break
      case 'thinking':
        reply = { ...reply, thinking: reply.thinking + event.content }
        break
      case 'chunk':
        reply = { ...reply, content: reply.content + event.content }
        break
      case 'operation':
        reply = { ...reply, operations: upsertOperation(reply.operations, event.operation) }
        if (event.operation.status === 'complete') {
          changed.push(event.operation.path)
          if (event.operation.to) changed.push(event.operation.to)
        }
        break
      case 'complete':
        reply = {
          ...reply,
          status: event.status === 'cancelled' ? 'cancelled' : 'complete',
          tokensUsed: event.tokensUsed,
          statusText: null,
        }
        balanceVersion++
        break
      case 'error':
        reply = { ...reply, status: 'error', error: event.message, statusText: null }
        balanceVersion++
        break
    }
    messages = [...messages]
    messages[index] = reply
    if (renameUser !== null) {
      const previous = streaming.userMessageId
      messages = messages.map((m) => {
        if (previous !== null && m.id === previous) return { ...m, id: renameUser }
        if (m.id === reply.id) return { ...m, replyTo: renameUser }
        return m
      })
      streaming = { ...streaming, userMessageId: renameUser }
    }
    if (event.type === 'complete' || event.type === 'error') streaming = null
  }
  if (changed.length > 0) fileChanges = { version: fileChanges.version + 1, paths: changed }
  return { messages, streaming, fileChanges, balanceVersion }
}

export const useChatStore = create<ChatStore>()((set) => ({
  ...initialChatState,
  setConversation: (projectId, views) =>
    set((state) => ({
      projectId,
      messages: views.map(fromView),
      loaded: true,
      streaming: state.projectId === projectId ? state.streaming : null,
      attachedFiles: state.projectId === projectId ? state.attachedFiles : [],
    })),
  startReply: (user, reply) =>
    set((state) => {
      const existing = state.messages.findIndex((m) => m.id === reply.id)
      const messages =
        existing >= 0
          ? state.messages.map((m, i) => (i === existing ? reply : m))
          : [...state.messages, ...(user ? [user] : []), reply]
      return {
        messages,
        streaming: { replyId: reply.id, userMessageId: user?.id ?? reply.replyTo },
      }
    }),
  applyEvents: (events) => set((state) => applyChatEvents(state, events)),
  failReply: (replyId, message) =>
    set((state) => ({
      messages: state.messages.map((m) =>
        m.id === replyId ? { ...m, status: 'error', error: message, statusText: null } : m,
      ),
      streaming: state.streaming?.replyId === replyId ? null : state.streaming,
    })),
  removeMessages: (ids) =>
    set((state) => ({ messages: state.messages.filter((m) => !ids.includes(m.id)) })),
  setMode: (mode) => set({ mode }),
  setModel: (model) => set({ model }),
  toggleAttachment: (path) =>
    set((state) => ({
      attachedFiles: state.attachedFiles.includes(path)
        ? state.attachedFiles.filter((p) => p !== path)
        : [...state.attachedFiles, path],
    })),
  clearAttachments: () => set({ attachedFiles: [] }),
  reset: () => set(initialChatState),
}))
