import { MessageList, type MessageListProps } from '@/components/leftPanel/ChatPanel/MessageList'

/** The seed's four examples (§8.2); clicking one sends it. */
export const WELCOME_EXAMPLES = [
  'Build a React dashboard',
  'Create a REST API',
  'Add authentication',
  'Fix this bug',
] as const

export interface ChatPanelProps extends MessageListProps {
  loaded: boolean
  onSend: (text: string) => void
}

export function ChatPanel({ loaded, onSend, ...list }: ChatPanelProps) {
  if (loaded && list.messages.length === 0) {
    return (
      <div className="chat-welcome">
        <div className="chat-welcome__card">
          <div className="chat-welcome__icon" aria-hidden="true">
            <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2}>
              <path strokeLinecap="round" strokeLinejoin="round" d="M13 10V3L4 14h7v7l9-11h-7z" />
            </svg>
          </div>
          <h2 className="chat-welcome__title">Welcome to BharatBuild AI</h2>
          <p className="chat-welcome__text">
            Describe your project and watch as AI agents build it in real-time.
          </p>
          <div className="chat-welcome__examples" role="group" aria-label="Examples">
            {WELCOME_EXAMPLES.map((example) => (
              <button
                key={example}
                type="button"
                className="chat-welcome__example"
                disabled={list.busy}
                onClick={() => onSend(example)}
              >
                {example}
              </button>
            ))}
          </div>
        </div>
      </div>
    )
  }
  return <MessageList {...list} />
}
