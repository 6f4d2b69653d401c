import { useState } from 'react'
import { Button } from '@/components/common/Button'
import { ApiError, errorMessage } from '@/services/api/apiError'
import { executionService } from '@/services/api/executionService'
import '@/styles/execution.css'

/** Where `path` leads within the preview at `base`, or null when it would leave the app's origin. */
export function previewAddress(base: string, path: string): string | null {
  const trimmed = path.trim() || '/'
  try {
    const target = new URL(trimmed.startsWith('/') ? trimmed : `/${trimmed}`, base)
    return target.origin === new URL(base).origin ? target.toString() : null
  } catch {
    return null
  }
}

/**
 * The running app, on an origin of its own that only the project's owner is given, with an
 * address bar for the app's own pages; Reload loads it again.
 */
export function PreviewPanel({ projectId }: { projectId: string }) {
  const [url, setUrl] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [loads, setLoads] = useState(0)
  const [path, setPath] = useState('/')
  const [shown, setShown] = useState('/')

  const open = async (inNewTab = false) => {
    setLoading(true)
    setMessage(null)
    try {
      const preview = await executionService.openPreview(projectId)
      if (inNewTab) window.open(preview.url, '_blank', 'noopener')
      else {
        setUrl(preview.url)
        setLoads((count) => count + 1)
      }
    } catch (error) {
      setMessage(
        error instanceof ApiError && error.problem.code === 'no-preview'
          ? 'No dev server is running — press Run in the terminal panel.'
          : errorMessage(error),
      )
    } finally {
      setLoading(false)
    }
  }

  return (
    <section className="preview" aria-label="Preview">
      <div className="preview__bar">
        <Button size="small" onClick={() => void open()} disabled={loading}>
          {url ? 'Reload' : 'Open preview'}
        </Button>
        {url && (
          <form
            className="preview__address"
            aria-label="Preview address"
            onSubmit={(event) => {
              event.preventDefault()
              if (previewAddress(url, path) === null) {
                setMessage(
                  'The preview shows the app’s own pages only: enter a path such as /about.',
                )
                return
              }
              setMessage(null)
              setShown(path)
              setLoads((count) => count + 1)
            }}
          >
            <input
              className="input"
              aria-label="Path in the app"
              value={path}
              onChange={(e) => setPath(e.target.value)}
            />
          </form>
        )}
        <Button size="small" variant="secondary" onClick={() => void open(true)} disabled={loading}>
          Open in new tab
        </Button>
      </div>
      {message && (
        <p className="preview__message" role="status">
          {message}
        </p>
      )}
      {url ? (
        <iframe
          key={`${url}#${loads}`}
          className="preview__frame"
          title="Preview of the running app"
          src={previewAddress(url, shown) ?? url}
          sandbox="allow-scripts allow-forms allow-same-origin allow-popups allow-modals"
        />
      ) : (
        !message && (
          <p className="preview__message">Start the project with Run, then open it here.</p>
        )
      )}
    </section>
  )
}
