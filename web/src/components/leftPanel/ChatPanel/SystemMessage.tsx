import type { ChatMessage } from '@/types/chat.types'

export interface SystemMessageProps {
  message: Pick<ChatMessage, 'id' | 'content' | 'error' | 'status' | 'createdAt'>
}

/**
 * A notice from the system in the conversation (seed §2.1 MessageList → SystemMessage): not a
 * turn of the user or the AI, so centred and without actions. Errors are shown as alerts.
 */
export function SystemMessage({ message }: SystemMessageProps) {
  const error = message.status === 'error' || Boolean(message.error)
  const text = [message.content, message.error].filter(Boolean).join('\n')
  const time = formatTime(message.createdAt)
  return (
    <article className="message message--system" aria-label="System message">
      <div
        className={`system-message${error ? ' system-message--error' : ''}`}
        role={error ? 'alert' : 'note'}
      >
        <span className="system-message__icon" aria-hidden="true">
          {error ? '!' : 'i'}
        </span>
        <div>
          <p className="system-message__text">{text || 'System notice'}</p>
          {time && (
            <time className="system-message__time" dateTime={message.createdAt}>
              {time}
            </time>
          )}
        </div>
      </div>
    </article>
  )
}

function formatTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
}
