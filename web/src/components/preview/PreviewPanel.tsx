import { useState } from 'react'
import { Button } from '@/components/common/Button'
import { ApiError, errorMessage } from '@/services/api/apiError'
import { executionService } from '@/services/api/executionService'
import '@/styles/execution.css'

/**
 * The running app, on an origin of its own that only the project's owner is given; Reload loads
 * it again.
 */
export function PreviewPanel({ projectId }: { projectId: string }) {
  const [url, setUrl] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [loads, setLoads] = useState(0)

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
          src={url}
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
