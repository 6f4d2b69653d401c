import { useState } from 'react'
import type { FileSummary } from '@/types/api'

export interface FileAttachmentProps {
  files: FileSummary[]
  attached: string[]
  onToggle: (path: string) => void
}

/** Picks project files to send with the next message; they show as removable chips. */
export function FileAttachment({ files, attached, onToggle }: FileAttachmentProps) {
  const [open, setOpen] = useState(false)
  return (
    <div className="attach">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        disabled={files.length === 0}
      >
        + Attach files
      </button>
      {open && (
        <ul className="attach__menu" aria-label="Project files to attach">
          {files.map((file) => (
            <li key={file.path}>
              <label>
                <input
                  type="checkbox"
                  checked={attached.includes(file.path)}
                  onChange={() => onToggle(file.path)}
                />{' '}
                {file.path}
              </label>
            </li>
          ))}
        </ul>
      )}
      {attached.length > 0 && (
        <ul className="chips" aria-label="Attached files">
          {attached.map((path) => (
            <li key={path} className="chip">
              {path}
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove ${path}`}
                onClick={() => onToggle(path)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
