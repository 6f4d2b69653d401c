import { useCallback, useEffect, useRef } from 'react'
import { errorMessage } from '@/services/api/apiError'
import type { StreamOptions } from '@/services/api/streamingService'
import { useChatStore } from '@/store/chatStore'
import type { ChatEvent } from '@/types/chat.types'

/**
 * The messages this tab streamed itself: the project channel also announces them, and those
 * announcements must not overwrite what the tab's own stream shows.
 */
export const ownMessages = new Set<string>()

type Starter = (options: StreamOptions) => Promise<void>

const frame: (callback: () => void) => void =
  typeof requestAnimationFrame === 'function'
    ? (callback) => requestAnimationFrame(callback)
    : (callback) => setTimeout(callback, 16)

/**
 * Runs one reply's stream into `chatStore`: events are queued and applied once per animation
 * frame (the closing `complete` or `error` at once), and the stream is aborted on unmount.
 */
export function useStreaming() {
  const controller = useRef<AbortController | null>(null)

  useEffect(() => () => controller.current?.abort(), [])

  const run = useCallback(async (replyId: string, start: Starter): Promise<void> => {
    controller.current?.abort()
    const current = new AbortController()
    controller.current = current
    const { applyEvents, failReply } = useChatStore.getState()
    let queue: ChatEvent[] = []
    let scheduled = false
    const flush = () => {
      scheduled = false
      if (queue.length === 0) return
      const batch = queue
      queue = []
      applyEvents(batch)
    }
    try {
      await start({
        signal: current.signal,
        onEvent: (event) => {
          if (event.type === 'status') {
            if (event.messageId) ownMessages.add(event.messageId)
            if (event.userMessageId) ownMessages.add(event.userMessageId)
          }
          queue.push(event)
          if (event.type === 'complete' || event.type === 'error') flush()
          else if (!scheduled) {
            scheduled = true
            frame(flush)
          }
        },
      })
      flush()
      // aborted, or ended without `complete`/`error` (the service reports those as `error`)
      const left = useChatStore.getState().streaming
      if (left) failReply(left.replyId, 'The reply was interrupted. What arrived is kept.')
    } catch (error) {
      flush()
      const streaming = useChatStore.getState().streaming
      failReply(streaming?.replyId ?? replyId, errorMessage(error))
      throw error
    } finally {
      if (controller.current === current) controller.current = null
    }
  }, [])

  const abort = useCallback(() => controller.current?.abort(), [])

  return { run, abort }
}
