import { useEffect, useRef, useState } from 'react'
import { Markdown } from '@/components/leftPanel/ChatPanel/Markdown'
import { FileOperationCard } from '@/components/leftPanel/ChatPanel/FileOperationCard'
import { ThinkingIndicator } from '@/components/leftPanel/ChatPanel/ThinkingIndicator'
import { errorMessage } from '@/services/api/apiError'
import type { RevertResult } from '@/types/api'
import type { ChatMessage } from '@/types/chat.types'

export interface AIMessageProps {
  message: ChatMessage
  /** Another reply is streaming: actions wait. */
  busy: boolean
  onRegenerate: (id: string) => void
  onDelete: (id: string) => void
  onRevert: (id: string, force: boolean) => Promise<RevertResult>
}

export function AIMessage({ message, busy, onRegenerate, onDelete, onRevert }: AIMessageProps) {
  const [revert, setRevert] = useState<RevertResult | null>(null)
  const [revertError, setRevertError] = useState<string | null>(null)
  const [reverting, setReverting] = useState(false)
  const streaming = message.status === 'streaming'
  const local = message.id.startsWith('local-')
  const hasOps = message.operations.some((op) => op.status === 'complete')
  const revertBox = useRef<HTMLDivElement>(null)

  // the outcome appears below the reply: bring it into view
  useEffect(() => {
    if (revert) revertBox.current?.scrollIntoView?.({ block: 'nearest' })
  }, [revert])

  async function doRevert(force: boolean) {
    setReverting(true)
    setRevertError(null)
    try {
      setRevert(await onRevert(message.id, force))
    } catch (error) {
      setRevertError(errorMessage(error))
    } finally {
      setReverting(false)
    }
  }

  return (
    <article className="message message--ai" aria-label="AI message" aria-busy={streaming}>
      <div className="message__avatar" aria-hidden="true">
        AI
      </div>
      <div className="message__body">
        {streaming && !message.content && (
          <ThinkingIndicator label={message.statusText ?? 'Thinking…'} />
        )}
        {streaming && message.content && message.statusText && (
          <p className="message__status" role="status">
            {message.statusText}
          </p>
        )}
        {message.thinking && (
          <details className="message__thinking">
            <summary>Reasoning</summary>
            <p>{message.thinking}</p>
          </details>
        )}
        {message.content && <Markdown text={message.content} />}
        {message.operations.length > 0 && (
          <ul className="op-list" aria-label="File operations">
            {message.operations.map((op) => (
              <FileOperationCard key={op.id} operation={op} />
            ))}
          </ul>
        )}
        {message.status === 'cancelled' && <p className="message__note">Stopped.</p>}
        {message.error && (
          <p className="message__error" role="alert">
            {message.error}
          </p>
        )}
        {revert && (
          <div ref={revertBox} className="message__revert" role="status">
            {revert.reverted.length > 0 && <p>Reverted {revert.reverted.join(', ')}.</p>}
            {revert.conflicts.length > 0 && (
              <>
                <p>
                  Changed since this reply (not reverted): {revert.conflicts.join(', ')}. Reverting
                  anyway discards those later changes.
                </p>
                <button
                  type="button"
                  className="link-button link-button--danger"
                  disabled={reverting}
                  onClick={() => void doRevert(true)}
                >
                  Revert anyway
                </button>
              </>
            )}
            {revert.reverted.length === 0 && revert.conflicts.length === 0 && (
              <p>Nothing to revert.</p>
            )}
          </div>
        )}
        {revertError && (
          <p className="message__error" role="alert">
            {revertError}
          </p>
        )}
        {!streaming && !local && (
          <div className="message__actions">
            {message.tokensUsed > 0 && (
              <span className="message__tokens">{message.tokensUsed.toLocaleString()} tokens</span>
            )}
            <button
              type="button"
              className="link-button"
              disabled={busy}
              onClick={() => onRegenerate(message.id)}
            >
              Regenerate
            </button>
            {hasOps && (
              <button
                type="button"
                className="link-button"
                disabled={busy || reverting}
                onClick={() => void doRevert(false)}
              >
                Revert
              </button>
            )}
            <button
              type="button"
              className="link-button"
              disabled={busy}
              onClick={() => onDelete(message.id)}
            >
              Delete
            </button>
          </div>
        )}
      </div>
    </article>
  )
}
