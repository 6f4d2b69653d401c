import { useCallback, useEffect, useState } from 'react'
import { Alert } from '@/components/common/Alert'
import { Button } from '@/components/common/Button'
import { ConfirmDialog } from '@/components/common/ConfirmDialog'
import { Spinner } from '@/components/common/Spinner'
import { LazyCodeEditor } from '@/components/editor/LazyCodeEditor'
import { RenameFileForm } from '@/components/projects/RenameFileForm'
import { ApiError, errorMessage } from '@/services/api/apiError'
import { fileService } from '@/services/api/fileService'
import { useChatStore } from '@/store/chatStore'
import { useProjectStore } from '@/store/projectStore'
import type { FileSummary, FileView } from '@/types/api'

export interface FileEditorProps {
  projectId: string
  path: string
  /** A save or create changed the file: its new summary. */
  onSaved: (file: FileSummary) => void
  onDeleted: (path: string) => void
  onRenamed: (from: string, file: FileView) => void
  onDirtyChange?: (dirty: boolean) => void
}

export function toSummary({ path, language, size, version, updatedAt }: FileView): FileSummary {
  return { path, language, size, version, updatedAt }
}

/**
 * The Monaco editor for one file (Ctrl/Cmd+S saves). Saving sends the version it was loaded at, so a change made
 * elsewhere in the meantime is a 409 that the user resolves (reload or overwrite), never lost.
 */
export function FileEditor({
  projectId,
  path,
  onSaved,
  onDeleted,
  onRenamed,
  onDirtyChange,
}: FileEditorProps) {
  const [renaming, setRenaming] = useState(false)
  const [file, setFile] = useState<FileView | null>(null)
  const [draft, setDraft] = useState('')
  const [loadError, setLoadError] = useState<unknown>(null)
  const [saveError, setSaveError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [justSaved, setJustSaved] = useState(false)
  /** Counts loads: each one puts the loaded text into the editor. */
  const [revision, setRevision] = useState(0)

  const dirty = file !== null && draft !== file.content
  const revealLine = useProjectStore((s) =>
    s.revealLine && s.revealLine.path === path ? s.revealLine.line : null,
  )
  const onRevealed = useProjectStore((s) => s.clearReveal)
  // while a reply streams the AI may be writing this very file: typing waits until it is done
  const aiWriting = useChatStore((s) => s.streaming !== null)
  const conflict = saveError instanceof ApiError && saveError.status === 409 ? saveError : null

  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange])

  // closing or reloading the tab with unsaved changes asks first
  useEffect(() => {
    if (!dirty) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])

  const load = useCallback(
    async (signal?: AbortSignal) => {
      setLoadError(null)
      try {
        const loaded = await fileService.read(projectId, path, signal)
        setFile(loaded)
        setDraft(loaded.content)
        setRevision((n) => n + 1)
        setSaveError(null)
      } catch (error) {
        if (!signal?.aborted) setLoadError(error)
      }
    },
    [projectId, path],
  )

  useEffect(() => {
    const controller = new AbortController()
    void load(controller.signal)
    return () => controller.abort()
  }, [load])

  async function save(overwrite = false) {
    if (!file || saving) return
    setSaving(true)
    setSaveError(null)
    try {
      const saved = await fileService.write(projectId, {
        path,
        content: draft,
        expectedVersion: overwrite ? undefined : file.version,
      })
      setFile(saved)
      setDraft((current) => (current === draft ? saved.content : current))
      setJustSaved(true)
      onSaved(toSummary(saved))
    } catch (error) {
      setSaveError(error)
    } finally {
      setSaving(false)
    }
  }

  async function remove() {
    setDeleting(true)
    try {
      await fileService.remove(projectId, path)
      setConfirmDelete(false)
      onDeleted(path)
    } catch (error) {
      setConfirmDelete(false)
      setSaveError(error)
    } finally {
      setDeleting(false)
    }
  }

  if (loadError !== null) {
    return (
      <Alert
        title={`Could not open ${path}`}
        actions={
          <Button size="small" onClick={() => load()}>
            Try again
          </Button>
        }
      >
        {errorMessage(loadError)}
      </Alert>
    )
  }
  if (!file) return <Spinner label={`Opening ${path}`} />

  return (
    <section
      className="editor"
      aria-label={`Editor for ${path}`}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault()
          void save()
        }
      }}
    >
      <div className="editor__toolbar">
        <span className="editor__path">{path}</span>
        <span className="editor__meta">
          {file.language} · v{file.version}
        </span>
        <span className="editor__status" role="status">
          {dirty ? (
            <>
              <span className="editor__dirty" aria-hidden="true">
                ●
              </span>{' '}
              Unsaved changes
            </>
          ) : justSaved ? (
            'Saved'
          ) : aiWriting ? (
            'Read-only while the AI replies'
          ) : (
            ''
          )}
        </span>
        <Button
          variant="primary"
          size="small"
          onClick={() => save()}
          loading={saving}
          disabled={!dirty}
          aria-keyshortcuts="Control+S"
        >
          Save
        </Button>
        <Button
          variant="ghost"
          size="small"
          disabled={dirty}
          title={dirty ? 'Save or undo your changes first' : undefined}
          onClick={() => setRenaming(true)}
        >
          Rename
        </Button>
        <Button variant="ghost" size="small" onClick={() => setConfirmDelete(true)}>
          Delete file
        </Button>
      </div>
      {renaming && (
        <RenameFileForm
          projectId={projectId}
          path={path}
          onRenamed={onRenamed}
          onCancel={() => setRenaming(false)}
        />
      )}
      {conflict && (
        <Alert
          kind="warning"
          title="This file was changed elsewhere"
          actions={
            <>
              <Button size="small" onClick={() => load()}>
                Reload file
              </Button>
              <Button size="small" variant="danger" onClick={() => save(true)}>
                Overwrite with my version
              </Button>
            </>
          }
        >
          <p className="alert__text">{conflict.detail ?? 'Your copy is out of date.'}</p>
          <p className="alert__text">
            Reload to get the saved version (this discards your unsaved changes), or overwrite it
            with yours.
          </p>
        </Alert>
      )}
      {saveError !== null && !conflict && (
        <Alert title="Could not save">{errorMessage(saveError)}</Alert>
      )}
      <LazyCodeEditor
        path={path}
        value={draft}
        revision={revision}
        language={file.language}
        onChange={(value) => {
          setDraft(value)
          setJustSaved(false)
        }}
        readOnly={aiWriting}
        revealLine={revealLine}
        onRevealed={onRevealed}
      />
      {confirmDelete && (
        <ConfirmDialog
          title={`Delete ${path}?`}
          confirmLabel="Delete file"
          danger
          busy={deleting}
          onConfirm={remove}
          onCancel={() => setConfirmDelete(false)}
        >
          The file is removed from the project.
        </ConfirmDialog>
      )}
    </section>
  )
}
