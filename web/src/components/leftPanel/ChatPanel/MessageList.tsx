import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
} from 'react'
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import { AIMessage, type AIMessageProps } from '@/components/leftPanel/ChatPanel/AIMessage'
import { SystemMessage } from '@/components/leftPanel/ChatPanel/SystemMessage'
import { UserMessage } from '@/components/leftPanel/ChatPanel/UserMessage'
import type { ChatMessage } from '@/types/chat.types'

type Handlers = Pick<AIMessageProps, 'onDelete' | 'onRegenerate' | 'onRevert'>

export interface MessageListProps extends Handlers {
  messages: ChatMessage[]
  busy: boolean
}

/** Within this many pixels of the end counts as "at the bottom". */
const BOTTOM_SLACK = 48
/** The space between messages and at the ends of the list (0.75rem). */
const GAP = 12
/** A guess for a message not measured yet; the real height replaces it once it is drawn. */
const ESTIMATED_HEIGHT = 120
/** Messages drawn beyond each end of the visible part, so short scrolls show no gap. */
const OVERSCAN = 6

/**
 * The conversation, virtualised: only the messages in view (plus a few either side) are in the
 * DOM, each measured as it is drawn, so a long conversation stays smooth. It follows new content
 * only while the user is at the bottom; scrolled up, it stays put and offers a "Scroll to bottom"
 * button. A message holding the keyboard focus stays drawn while it is scrolled out of view.
 */
export function MessageList({
  messages,
  busy,
  onDelete,
  onRegenerate,
  onRevert,
}: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null)
  const atBottom = useRef(true)
  const [showJump, setShowJump] = useState(false)
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const handlers = useStableHandlers({ onDelete, onRegenerate, onRevert })

  const focusedIndex = focusedId === null ? -1 : messages.findIndex((m) => m.id === focusedId)
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      if (focusedIndex < 0 || indexes.includes(focusedIndex)) return indexes
      return [...indexes, focusedIndex].sort((a, b) => a - b)
    },
    [focusedIndex],
  )

  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_HEIGHT,
    getItemKey: (index) => messages[index]?.id ?? index,
    overscan: OVERSCAN,
    gap: GAP,
    paddingStart: GAP,
    paddingEnd: GAP,
    rangeExtractor,
  })
  const totalSize = virtualizer.getTotalSize()

  const onScroll = useCallback(() => {
    const el = scroller.current
    if (!el) return
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight <= BOTTOM_SLACK
    atBottom.current = bottom
    setShowJump(!bottom)
  }, [])

  const scrollToBottom = useCallback(() => {
    const el = scroller.current
    if (!el) return
    el.scrollTop = el.scrollHeight
    atBottom.current = true
    setShowJump(false)
  }, [])

  // new messages, streamed text and messages measured taller or shorter than guessed all change
  // the height: follow them while at the bottom
  useLayoutEffect(() => {
    if (atBottom.current) scrollToBottom()
  }, [messages, totalSize, scrollToBottom])

  useEffect(() => {
    scrollToBottom()
  }, [scrollToBottom])

  const onFocus = useCallback((event: FocusEvent<HTMLDivElement>) => {
    const item = event.target.closest<HTMLElement>('[data-message-id]')
    setFocusedId(item?.dataset.messageId ?? null)
  }, [])
  const onBlur = useCallback((event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusedId(null)
  }, [])

  return (
    <div className="message-list-wrap">
      <div
        ref={scroller}
        className="message-list"
        role="log"
        aria-label="Conversation"
        aria-live="polite"
        onScroll={onScroll}
        onFocus={onFocus}
        onBlur={onBlur}
      >
        <div className="message-list__items" style={{ height: totalSize }}>
          {virtualizer.getVirtualItems().map((item) => {
            const message = messages[item.index]
            if (!message) return null
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                className="message-list__item"
                data-index={item.index}
                data-message-id={message.id}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <MessageRow message={message} busy={busy} handlers={handlers} />
              </div>
            )
          })}
        </div>
      </div>
      {showJump && (
        <button type="button" className="scroll-to-bottom" onClick={scrollToBottom}>
          ↓ Scroll to bottom
        </button>
      )}
    </div>
  )
}

/** One message; memoised, so a streamed chunk re-renders the streaming reply only. */
const MessageRow = memo(function MessageRow({
  message,
  busy,
  handlers,
}: {
  message: ChatMessage
  busy: boolean
  handlers: Handlers
}) {
  if (message.role === 'user') {
    return (
      <UserMessage
        message={message}
        canDelete={!busy && !message.id.startsWith('local-')}
        onDelete={handlers.onDelete}
      />
    )
  }
  if (message.role === 'system') return <SystemMessage message={message} />
  return <AIMessage message={message} busy={busy} {...handlers} />
})

/** Handlers that keep their identity across renders and call the latest ones passed in. */
function useStableHandlers(handlers: Handlers): Handlers {
  const latest = useRef(handlers)
  useLayoutEffect(() => {
    latest.current = handlers
  })
  return useMemo(
    () => ({
      onDelete: (id) => latest.current.onDelete(id),
      onRegenerate: (id) => latest.current.onRegenerate(id),
      onRevert: (id, force) => latest.current.onRevert(id, force),
    }),
    [],
  )
}
