import { useState } from 'react'
import type { FormEvent } from 'react'
import { Button } from '@/components/common/Button'
import { errorMessage } from '@/services/api/apiError'
import { fileService } from '@/services/api/fileService'
import type { FileView } from '@/types/api'

/** Moves the open file to a new path; the server refuses a taken or unsafe path with the reason. */
export function RenameFileForm({
  projectId,
  path,
  onRenamed,
  onCancel,
}: {
  projectId: string
  path: string
  onRenamed: (from: string, file: FileView) => void
  onCancel: () => void
}) {
  const [to, setTo] = useState(path)
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    if (to.trim() === path) return onCancel()
    setPending(true)
    setError(null)
    try {
      onRenamed(path, await fileService.rename(projectId, path, to.trim()))
    } catch (caught) {
      setError(errorMessage(caught))
      setPending(false)
    }
  }

  return (
    <form
      className="editor__rename"
      aria-label="Rename file"
      onSubmit={onSubmit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel()
      }}
    >
      <input
        className="input"
        aria-label="New path"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'rename-error' : undefined}
        value={to}
        autoFocus
        onChange={(e) => setTo(e.target.value)}
      />
      <Button type="submit" size="small" loading={pending} disabled={!to.trim()}>
        Move
      </Button>
      <Button type="button" size="small" variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
      {error && (
        <p className="field__error" id="rename-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
