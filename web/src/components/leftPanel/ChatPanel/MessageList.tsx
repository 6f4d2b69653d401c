import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { AIMessage, type AIMessageProps } from '@/components/leftPanel/ChatPanel/AIMessage'
import { SystemMessage } from '@/components/leftPanel/ChatPanel/SystemMessage'
import { UserMessage } from '@/components/leftPanel/ChatPanel/UserMessage'
import type { ChatMessage } from '@/types/chat.types'

export interface MessageListProps extends Pick<AIMessageProps, 'onRegenerate' | 'onRevert'> {
  messages: ChatMessage[]
  busy: boolean
  onDelete: (id: string) => void
}

/** Within this many pixels of the end counts as "at the bottom". */
const BOTTOM_SLACK = 48

/**
 * The conversation. It follows new content only while the user is at the bottom; scrolled up,
 * it stays put and offers a "Scroll to bottom" button.
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

  useLayoutEffect(() => {
    if (atBottom.current) scrollToBottom()
  }, [messages, scrollToBottom])

  useEffect(() => {
    scrollToBottom()
  }, [scrollToBottom])

  return (
    <div className="message-list-wrap">
      <div
        ref={scroller}
        className="message-list"
        role="log"
        aria-label="Conversation"
        aria-live="polite"
        onScroll={onScroll}
      >
        {messages.map((message) =>
          message.role === 'user' ? (
            <UserMessage
              key={message.id}
              message={message}
              canDelete={!busy && !message.id.startsWith('local-')}
              onDelete={onDelete}
            />
          ) : message.role === 'system' ? (
            <SystemMessage key={message.id} message={message} />
          ) : (
            <AIMessage
              key={message.id}
              message={message}
              busy={busy}
              onDelete={onDelete}
              onRegenerate={onRegenerate}
              onRevert={onRevert}
            />
          ),
        )}
      </div>
      {showJump && (
        <button type="button" className="scroll-to-bottom" onClick={scrollToBottom}>
          ↓ Scroll to bottom
        </button>
      )}
    </div>
  )
}
