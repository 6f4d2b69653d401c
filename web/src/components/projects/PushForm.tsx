import { useState } from 'react'
import type { FormEvent } from 'react'
import { Alert } from '@/components/common/Alert'
import { Button } from '@/components/common/Button'
import { TextField } from '@/components/common/Field'
import { errorMessage } from '@/services/api/apiError'
import { lifecycleService } from '@/services/api/lifecycleService'
import type { PushView } from '@/types/api'

/**
 * Pushes the project's history to a git remote (GitHub, GitLab, …). The token is sent with this
 * push only: the form forgets it afterwards and the server never stores it.
 */
export function PushForm({ projectId }: { projectId: string }) {
  const [url, setUrl] = useState('')
  const [branch, setBranch] = useState('main')
  const [token, setToken] = useState('')
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [pushed, setPushed] = useState<PushView | null>(null)

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    setPending(true)
    setError(null)
    setPushed(null)
    try {
      setPushed(
        await lifecycleService.push(projectId, {
          url: url.trim(),
          branch: branch.trim(),
          token: token || undefined,
        }),
      )
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setToken('')
      setPending(false)
    }
  }

  return (
    <form className="push form" onSubmit={onSubmit} aria-label="Push to a git remote">
      {error && <Alert title="The push did not go through">{error}</Alert>}
      {pushed && (
        <p role="status" className="push__done">
          {pushed.upToDate ? 'Already up to date: ' : 'Pushed '}
          <code>{pushed.commit.slice(0, 7)}</code> to {pushed.branch}
        </p>
      )}
      <TextField
        label="Repository URL"
        type="url"
        required
        placeholder="https://github.com/you/project.git"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
      />
      <TextField
        label="Branch"
        required
        value={branch}
        onChange={(e) => setBranch(e.target.value)}
      />
      <TextField
        label="Access token"
        type="password"
        autoComplete="off"
        hint="Used for this push only, never stored."
        value={token}
        onChange={(e) => setToken(e.target.value)}
      />
      <div className="form__actions">
        <Button type="submit" variant="secondary" loading={pending} disabled={!url.trim()}>
          Push
        </Button>
      </div>
    </form>
  )
}
