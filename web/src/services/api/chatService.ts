import { api } from '@/services/api/client'
import { StreamingService, type StreamOptions } from '@/services/api/streamingService'
import type { BalanceView, ChatRequest, MessageView, ModelInfo, RevertResult } from '@/types/api'

const REVERT = '/api/v1/chat/messages/{messageId}/revert'

export const streamingService = new StreamingService(api)

export const chatService = {
  /** The project's conversation, oldest first. */
  messages(projectId: string, signal?: AbortSignal): Promise<MessageView[]> {
    return api.get('/api/v1/chat/messages/{projectId}', { params: { projectId }, signal })
  },

  /** Sends a message and streams its reply; rejects with the ApiError of a refusal (402). */
  send(request: ChatRequest, options: StreamOptions): Promise<void> {
    return streamingService.stream(
      { method: 'POST', path: '/api/v1/chat/stream', options: { body: request } },
      options,
    )
  },

  /** Streams a new reply that replaces the assistant message `replyId`. */
  regenerate(replyId: string, options: StreamOptions): Promise<void> {
    return streamingService.stream(
      {
        method: 'POST',
        path: '/api/v1/chat/regenerate/{messageId}',
        options: { params: { messageId: replyId } },
      },
      options,
    )
  },

  /** Reattaches to a reply still being written (after a page load). */
  resume(replyId: string, options: StreamOptions): Promise<void> {
    return streamingService.stream(
      { method: 'GET', path: '/api/v1/chat/stream', options: { query: { messageId: replyId } } },
      { ...options, replyId },
    )
  },

  stop(messageId: string): Promise<void> {
    return api.post('/api/v1/chat/stop/{messageId}', { params: { messageId } })
  },

  remove(messageId: string): Promise<void> {
    return api.delete('/api/v1/chat/messages/{messageId}', { params: { messageId } })
  },

  revert(replyId: string, force = false): Promise<RevertResult> {
    return api.post(REVERT, { params: { messageId: replyId }, body: { force } })
  },

  models(signal?: AbortSignal): Promise<ModelInfo[]> {
    return api.get('/api/v1/ai/models', { signal })
  },

  balance(signal?: AbortSignal): Promise<BalanceView> {
    return api.get('/api/v1/tokens/balance', { signal })
  },
}
