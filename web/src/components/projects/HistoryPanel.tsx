import { useEffect, useState } from 'react'
import { PushForm } from '@/components/projects/PushForm'
import { errorMessage } from '@/services/api/apiError'
import { lifecycleService } from '@/services/api/lifecycleService'
import type { CommitView } from '@/types/api'

/** The project's history: one commit per AI reply, save, revert and run, each with its diff. */
export function HistoryPanel({ projectId }: { projectId: string }) {
  const [commits, setCommits] = useState<CommitView[] | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const [diff, setDiff] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [pushing, setPushing] = useState(false)

  useEffect(() => {
    const controller = new AbortController()
    lifecycleService
      .commits(projectId, controller.signal)
      .then(setCommits)
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(caught))
      })
    return () => controller.abort()
  }, [projectId])

  useEffect(() => {
    if (!selected) return
    const controller = new AbortController()
    lifecycleService
      .diff(projectId, selected, controller.signal)
      .then(setDiff)
      .catch(() => undefined)
    return () => controller.abort()
  }, [projectId, selected])

  async function download() {
    const blob = await lifecycleService.exportZip(projectId)
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = 'project.zip'
    link.click()
    URL.revokeObjectURL(url)
  }

  return (
    <section className="history" aria-label="History">
      <div className="history__bar">
        <button type="button" className="workbench__view" onClick={() => void download()}>
          Download zip
        </button>
        <button
          type="button"
          className="workbench__view"
          aria-expanded={pushing}
          onClick={() => setPushing((open) => !open)}
        >
          Push to git
        </button>
      </div>
      {pushing && <PushForm projectId={projectId} />}
      {error && <p role="alert">{error}</p>}
      {commits?.length === 0 && <p className="preview__message">No changes yet.</p>}
      <ol className="history__commits" aria-label="Commits">
        {commits?.map((commit) => (
          <li key={commit.id}>
            <button
              type="button"
              className="history__commit"
              aria-current={commit.id === selected}
              onClick={() => setSelected(commit.id)}
            >
              <span className={`history__author history__author--${commit.author}`}>
                {commit.author}
              </span>
              <span className="history__message">{commit.message}</span>
              <time className="history__time" dateTime={commit.createdAt}>
                {new Date(commit.createdAt).toLocaleString()}
              </time>
            </button>
          </li>
        ))}
      </ol>
      {selected && (
        <pre className="history__diff" aria-label="Changes of the commit">
          {diff}
        </pre>
      )}
    </section>
  )
}
