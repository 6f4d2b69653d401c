import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Link, useParams } from 'react-router'
import { Alert } from '@/components/common/Alert'
import { Badge } from '@/components/common/Badge'
import { Button } from '@/components/common/Button'
import { ConfirmDialog } from '@/components/common/ConfirmDialog'
import { EmptyState } from '@/components/common/EmptyState'
import { Spinner } from '@/components/common/Spinner'
import { LeftPanel } from '@/components/leftPanel/LeftPanel'
import { PreviewPanel } from '@/components/preview/PreviewPanel'
import { HistoryPanel } from '@/components/projects/HistoryPanel'
import { ProjectSettings } from '@/components/projects/ProjectSettings'
import { useProjectChannel } from '@/hooks/useProjectChannel'
import { FileEditor, toSummary } from '@/components/projects/FileEditor'
import { FileList } from '@/components/projects/FileList'
import { NewFileForm } from '@/components/projects/NewFileForm'
import { SplitDivider } from '@/components/workbench/SplitDivider'
import { useStoredShare } from '@/components/workbench/useStoredShare'
import { useDocumentTitle } from '@/hooks/useDocumentTitle'
import { useProject } from '@/hooks/useProject'
import { ApiError, errorMessage } from '@/services/api/apiError'
import { fileService } from '@/services/api/fileService'
import { filesChangedByAi, useChatStore } from '@/store/chatStore'
import { useProjectStore } from '@/store/projectStore'

const SPLIT_KEY = 'bharatbuild.split.workbench'
const VIEWS = ['Code', 'Preview', 'History', 'Settings'] as const
type View = (typeof VIEWS)[number]

/**
 * The workbench: the AI chat (and terminal) on the left; on the right, behind a resizable
 * divider, the Code view (files and the Monaco editor), the Preview, the History and the
 * project's Settings (its rules for the AI).
 */
export function ProjectPage() {
  const { id = '' } = useParams()
  const { project, files, loading, error, reload } = useProject(id)
  const selectedFile = useProjectStore((s) => s.selectedFile)
  const selectFile = useProjectStore((s) => s.selectFile)
  const upsertFile = useProjectStore((s) => s.upsertFile)
  const removeFile = useProjectStore((s) => s.removeFile)
  const [dirty, setDirty] = useState(false)
  const [pendingSelection, setPendingSelection] = useState<string | null>(null)
  const [view, setView] = useState<View>('Code')
  const [leftShare, setLeftShare] = useStoredShare(SPLIT_KEY, 36)
  const body = useRef<HTMLDivElement | null>(null)
  const live = useProjectChannel(id)
  useDocumentTitle(project?.name)

  const onDirtyChange = useCallback((value: boolean) => setDirty(value), [])
  const revealLine = useProjectStore((s) => s.revealLine)
  // a problem was clicked while another view was showing: show the code it points at
  useEffect(() => {
    if (revealLine) setView('Code')
  }, [revealLine])
  const updateFiles = useProjectStore((s) => s.updateFiles)
  const fileChanges = useChatStore((s) => s.fileChanges)
  const messages = useChatStore((s) => s.messages)
  const changedByAi = useMemo(() => filesChangedByAi(messages), [messages])
  const [editorGeneration, setEditorGeneration] = useState(0)

  // the AI changed files: reload the list, and the open file if it was one of them (unless the
  // user has unsaved edits there, which the editor's version check then protects)
  useEffect(() => {
    if (fileChanges.version === 0 || !id) return
    const controller = new AbortController()
    fileService
      .list(id, controller.signal)
      .then((list) => {
        updateFiles(list)
        const open = useProjectStore.getState().selectedFile
        if (open && fileChanges.paths.includes(open) && !dirty) setEditorGeneration((n) => n + 1)
      })
      .catch(() => undefined)
    return () => controller.abort()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new change reloads
  }, [fileChanges, id, updateFiles])

  function requestSelect(path: string) {
    if (path === selectedFile) return
    if (dirty) setPendingSelection(path)
    else selectFile(path)
  }

  if (error !== null && !project) {
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400)
    return (
      <main className="page page--narrow">
        {missing ? (
          <EmptyState title="Project not found">
            <Link to="/projects">Back to your projects</Link>
          </EmptyState>
        ) : (
          <Alert
            title="Could not open the project"
            actions={
              <Button size="small" onClick={reload}>
                Try again
              </Button>
            }
          >
            {errorMessage(error)}
          </Alert>
        )}
      </main>
    )
  }
  if (!project || loading) {
    return (
      <main className="page">
        <Spinner label="Opening project" />
      </main>
    )
  }

  return (
    <main className="workbench">
      <div className="workbench__header">
        <Link to="/projects" className="workbench__back">
          ← All projects
        </Link>
        <h1 className="workbench__title">{project.name}</h1>
        {project.type && <Badge tone="blue">{project.type}</Badge>}
        {project.description && <p className="workbench__description">{project.description}</p>}
        {live === 'offline' && (
          <span className="workbench__offline" role="status">
            Offline — reconnecting…
          </span>
        )}
      </div>
      <div className="workbench__body workbench__body--split" ref={body}>
        <div className="workbench__left" style={{ flex: `${leftShare} 1 0` }}>
          <LeftPanel projectId={project.id} files={files} openFile={selectedFile} />
        </div>
        <SplitDivider
          orientation="vertical"
          share={leftShare}
          onChange={setLeftShare}
          container={body}
          label="Resize chat and workbench"
          min={20}
          max={70}
        />
        <section
          className="workbench__right"
          style={{ flex: `${100 - leftShare} 1 0` }}
          aria-label="Workbench"
        >
          <div className="workbench__views" role="tablist" aria-label="Workbench view">
            {VIEWS.map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                id={`workbench-tab-${name}`}
                aria-selected={view === name}
                aria-controls="workbench-panel"
                tabIndex={view === name ? 0 : -1}
                className="workbench__view"
                onClick={() => setView(name)}
                onKeyDown={(event) => {
                  const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
                  if (!step) return
                  const next = VIEWS[(VIEWS.indexOf(name) + step + VIEWS.length) % VIEWS.length]
                  if (!next) return
                  setView(next)
                  document.getElementById(`workbench-tab-${next}`)?.focus()
                }}
              >
                {name}
              </button>
            ))}
          </div>
          <div
            className="workbench__panel"
            id="workbench-panel"
            role="tabpanel"
            aria-labelledby={`workbench-tab-${view}`}
          >
            {view === 'Preview' && <PreviewPanel projectId={project.id} />}
            {view === 'History' && (
              <HistoryPanel key={fileChanges.version} projectId={project.id} />
            )}
            {view === 'Settings' && <ProjectSettings project={project} />}
            {/* kept mounted behind the other views, so unsaved edits survive a look at them */}
            <div className="workbench__code" hidden={view !== 'Code'}>
              <aside className="workbench__sidebar" aria-label="Files">
                <h2 className="section-title">Files</h2>
                <NewFileForm
                  projectId={project.id}
                  onCreated={(file) => {
                    upsertFile(toSummary(file))
                    requestSelect(file.path)
                  }}
                />
                <FileList
                  files={files}
                  selectedPath={selectedFile}
                  onSelect={requestSelect}
                  changedByAi={changedByAi}
                />
              </aside>
              <div className="workbench__editor">
                {selectedFile ? (
                  <FileEditor
                    key={`${selectedFile}#${editorGeneration}`}
                    projectId={project.id}
                    path={selectedFile}
                    onSaved={upsertFile}
                    onDeleted={(path) => {
                      removeFile(path)
                      setDirty(false)
                    }}
                    onRenamed={(from, file) => {
                      removeFile(from)
                      upsertFile(toSummary(file))
                      selectFile(file.path)
                    }}
                    onDirtyChange={onDirtyChange}
                  />
                ) : (
                  <EmptyState title="No file open">
                    Select a file on the left, or add one.
                  </EmptyState>
                )}
              </div>
            </div>
          </div>
        </section>
      </div>
      {pendingSelection && (
        <ConfirmDialog
          title="Discard unsaved changes?"
          confirmLabel="Discard changes"
          danger
          onConfirm={() => {
            setDirty(false)
            selectFile(pendingSelection)
            setPendingSelection(null)
          }}
          onCancel={() => setPendingSelection(null)}
        >
          {selectedFile} has changes that are not saved.
        </ConfirmDialog>
      )}
    </main>
  )
}
