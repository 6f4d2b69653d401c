import { useState } from 'react'
import { diffSides } from '@/components/editor/diffSides'
import { LazyDiffView } from '@/components/editor/LazyDiffView'
import type { FileOperation } from '@/types/chat.types'

const STATUS_LABEL: Record<string, string> = {
  pending: 'Pending',
  'in-progress': 'In progress',
  complete: 'Complete',
  error: 'Error',
}

/**
 * One file operation of an AI message: type, path, description, live status; it opens to a
 * Monaco diff of the change (or the patch text, when there is no before/after to compare).
 */
export function FileOperationCard({ operation }: { operation: FileOperation }) {
  const [open, setOpen] = useState(false)
  const [raw, setRaw] = useState(false)
  const { type, path, to, description, status, patch, error } = operation
  const sides = open ? diffSides(operation) : null
  return (
    <li className={`op-card op-card--${status}`} aria-label={`${type} ${path}`}>
      <div className="op-card__head">
        <span className={`op-card__type op-card__type--${type}`}>{type}</span>
        <span className="op-card__path">
          {path}
          {to ? ` → ${to}` : ''}
        </span>
        <span className="op-card__status" data-status={status}>
          {status === 'in-progress' && <span className="op-card__pulse" aria-hidden="true" />}
          {STATUS_LABEL[status] ?? status}
        </span>
      </div>
      {description && <p className="op-card__description">{description}</p>}
      {error && (
        <p className="op-card__error" role="alert">
          {error}
        </p>
      )}
      {(patch || diffSides(operation)) && (
        <>
          <button
            type="button"
            className="op-card__toggle"
            aria-expanded={open}
            onClick={() => setOpen((value) => !value)}
          >
            {open ? 'Hide changes' : 'Show changes'}
          </button>
          {open && sides && !raw && (
            <div className="op-card__diff" aria-label={`Changes to ${path}`} role="region">
              <LazyDiffView
                id={operation.id}
                path={to ?? path}
                original={sides.original}
                modified={sides.modified}
              />
            </div>
          )}
          {open && patch && (sides === null || raw) && (
            <pre className="op-card__patch" aria-label={`Changes to ${path}`}>
              {patch.split('\n').map((line, i) => (
                <span
                  key={i}
                  className={
                    line.startsWith('+') && !line.startsWith('+++')
                      ? 'diff-add'
                      : line.startsWith('-') && !line.startsWith('---')
                        ? 'diff-del'
                        : line.startsWith('@@')
                          ? 'diff-hunk'
                          : undefined
                  }
                >
                  {line}
                  {'\n'}
                </span>
              ))}
            </pre>
          )}
          {open && patch && sides && (
            <button
              type="button"
              className="op-card__toggle op-card__toggle--raw"
              aria-pressed={raw}
              onClick={() => setRaw((value) => !value)}
            >
              {raw ? 'Show as diff' : 'Show the patch text'}
            </button>
          )}
        </>
      )}
    </li>
  )
}
