import type { ChatMessage } from '@/types/chat.types'

export interface UserMessageProps {
  message: ChatMessage
  canDelete: boolean
  onDelete: (id: string) => void
}

export function UserMessage({ message, canDelete, onDelete }: UserMessageProps) {
  return (
    <article className="message message--user" aria-label="Your message">
      <div className="message__bubble">
        <p className="message__text">{message.content}</p>
        {message.attachedFiles.length > 0 && (
          <ul className="chips" aria-label="Attached files">
            {message.attachedFiles.map((path) => (
              <li key={path} className="chip">
                {path}
              </li>
            ))}
          </ul>
        )}
      </div>
      {canDelete && (
        <div className="message__actions">
          <button type="button" className="link-button" onClick={() => onDelete(message.id)}>
            Delete
          </button>
        </div>
      )}
    </article>
  )
}
