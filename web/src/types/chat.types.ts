import type { OperationView } from '@/types/api'

/** One operation card's state, as the `operation` events and the saved message carry it. */
export type FileOperation = OperationView

export type OperationStatus = 'pending' | 'in-progress' | 'complete' | 'error'

/** The events of a reply's stream (SPEC §2 Event stream), a discriminated union on `type`. */
export type ChatEvent =
  | {
      type: 'status'
      status: string
      message?: string
      /** On the first status event: the reply's id and the user message's id. */
      messageId?: string
      userMessageId?: string
    }
  | { type: 'thinking'; content: string }
  | { type: 'chunk'; content: string }
  | { type: 'operation'; operation: FileOperation }
  | {
      type: 'complete'
      tokensUsed: number
      messageId?: string
      inputTokens?: number
      outputTokens?: number
      status?: 'complete' | 'cancelled'
    }
  | { type: 'error'; message: string; code?: string; messageId?: string }

export type MessageRole = 'user' | 'assistant' | 'system'

/** `streaming` while a reply arrives; the others are final. */
export type MessageStatus = 'streaming' | 'complete' | 'cancelled' | 'error'

export interface ChatMessage {
  id: string
  role: MessageRole
  content: string
  /** Model reasoning, where the model streams it. */
  thinking: string
  attachedFiles: string[]
  operations: FileOperation[]
  tokensUsed: number
  status: MessageStatus
  /** The last status line ("Planning file operations…") while streaming. */
  statusText: string | null
  error: string | null
  /** For a reply: the user message it answers. */
  replyTo: string | null
  createdAt: string
}

export const CHAT_MODES = [
  { id: 'codeGeneration', label: 'Code generation' },
  { id: 'debugging', label: 'Debugging' },
  { id: 'refactoring', label: 'Refactoring' },
  { id: 'testing', label: 'Testing' },
  { id: 'documentation', label: 'Documentation' },
] as const

export function isChatEvent(value: unknown): value is ChatEvent {
  if (typeof value !== 'object' || value === null) return false
  const type = (value as { type?: unknown }).type
  return (
    type === 'status' ||
    type === 'thinking' ||
    type === 'chunk' ||
    type === 'operation' ||
    type === 'complete' ||
    type === 'error'
  )
}
