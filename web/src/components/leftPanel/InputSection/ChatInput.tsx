import { useState, type KeyboardEvent } from 'react'

export interface ChatInputProps {
  value: string
  onChange: (value: string) => void
  onSend: () => void
  streaming: boolean
  onStop: () => void
}

/** The message box: Enter sends, Shift+Enter adds a newline; Stop replaces Send while streaming. */
export function ChatInput({ value, onChange, onSend, streaming, onStop }: ChatInputProps) {
  const [composing, setComposing] = useState(false)
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !composing) {
      event.preventDefault()
      if (!streaming) onSend()
    }
  }
  return (
    <div className="chat-input">
      <textarea
        className="chat-input__textarea"
        aria-label="Message"
        placeholder="Describe what to build… (Enter sends, Shift+Enter for a new line)"
        rows={3}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        onCompositionStart={() => setComposing(true)}
        onCompositionEnd={() => setComposing(false)}
      />
      {streaming ? (
        <button type="button" className="button button--danger button--small" onClick={onStop}>
          Stop
        </button>
      ) : (
        <button
          type="button"
          className="button button--primary button--small"
          disabled={value.trim() === ''}
          onClick={onSend}
        >
          Send
        </button>
      )}
    </div>
  )
}
