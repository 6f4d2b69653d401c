import { useState } from 'react'
import type { FormEvent } from 'react'
import { Alert } from '@/components/common/Alert'
import { Button } from '@/components/common/Button'
import { errorMessage } from '@/services/api/apiError'
import { lifecycleService } from '@/services/api/lifecycleService'
import { useProjectStore } from '@/store/projectStore'
import type { Project } from '@/types/api'

/** Brings an existing project in from a zip archive. */
export function ImportProjectForm({ onImported }: { onImported?: (project: Project) => void }) {
  const [file, setFile] = useState<File | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const [inputKey, setInputKey] = useState(0)

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    if (!file) return
    setPending(true)
    setError(null)
    try {
      const project = await lifecycleService.importZip(file)
      useProjectStore.getState().upsertProject(project)
      setFile(null)
      setInputKey((key) => key + 1)
      onImported?.(project)
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setPending(false)
    }
  }

  return (
    <form className="card form" onSubmit={onSubmit} aria-labelledby="import-project-title">
      <h2 className="card__title" id="import-project-title">
        Import a project
      </h2>
      {error && <Alert title="Could not import the archive">{error}</Alert>}
      <label className="field">
        <span className="field__label">Zip archive</span>
        <input
          key={inputKey}
          type="file"
          accept=".zip,application/zip"
          aria-label="Zip archive"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <div className="form__actions">
        <Button type="submit" variant="secondary" loading={pending} disabled={!file}>
          Import
        </Button>
      </div>
    </form>
  )
}
