import { useState } from 'react'
import type { FormEvent } from 'react'
import { Button } from '@/components/common/Button'
import { TextField } from '@/components/common/Field'
import { useApiAction } from '@/hooks/useApiAction'
import { ApiError, errorMessage } from '@/services/api/apiError'
import { fileService } from '@/services/api/fileService'
import type { FileView } from '@/types/api'

/** Adds an empty file by path; the server's answer (invalid path, exists) shows under the input. */
export function NewFileForm({
  projectId,
  onCreated,
}: {
  projectId: string
  onCreated: (file: FileView) => void
}) {
  const [path, setPath] = useState('')
  const create = useApiAction((filePath: string) =>
    fileService.create(projectId, { path: filePath, content: '' }),
  )

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    const trimmed = path.trim()
    if (!trimmed) return
    const outcome = await create.run(trimmed)
    if (outcome.ok) {
      setPath('')
      onCreated(outcome.value)
    }
  }

  const error =
    create.error instanceof ApiError
      ? (create.error.fieldErrors.path ??
        create.error.fieldErrors.content ??
        errorMessage(create.error))
      : create.error
        ? errorMessage(create.error)
        : undefined

  return (
    <form className="new-file-form" onSubmit={onSubmit} noValidate>
      <TextField
        label="New file path"
        name="path"
        placeholder="src/App.tsx"
        autoComplete="off"
        spellCheck={false}
        value={path}
        onChange={(e) => {
          setPath(e.target.value)
          if (create.error) create.clearError()
        }}
        error={error}
      />
      <Button
        type="submit"
        size="small"
        variant="primary"
        loading={create.pending}
        disabled={!path.trim()}
      >
        Add file
      </Button>
    </form>
  )
}
