import { useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { Alert } from '@/components/common/Alert'
import { Button } from '@/components/common/Button'
import { ApiError, errorMessage } from '@/services/api/apiError'
import { fileService } from '@/services/api/fileService'
import type { Project } from '@/types/api'

export const RULES_PATH = '.bharatbuild/rules.md'

/**
 * The project's settings: what it is, and its rules for the AI. The rules are an ordinary
 * project file (`.bharatbuild/rules.md`), edited here with the same version check as the editor,
 * and sent to the model with every message.
 */
export function ProjectSettings({ project }: { project: Project }) {
  const [rules, setRules] = useState('')
  const [version, setVersion] = useState<number | null>(null)
  const [loaded, setLoaded] = useState(false)
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    const controller = new AbortController()
    fileService
      .read(project.id, RULES_PATH, controller.signal)
      .then((file) => {
        setRules(file.content)
        setVersion(file.version)
      })
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return
        if (caught instanceof ApiError && caught.status === 404) {
          setRules('')
          setVersion(null)
        } else {
          setError(errorMessage(caught))
        }
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoaded(true)
      })
    return () => controller.abort()
  }, [project.id, generation])

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    setSaving(true)
    setSaved(false)
    setError(null)
    try {
      const file = await fileService.write(project.id, {
        path: RULES_PATH,
        content: rules,
        ...(version === null ? {} : { expectedVersion: version }),
      })
      setVersion(file.version)
      setSaved(true)
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 409
          ? 'The rules were changed elsewhere since you opened them. Reload them and make your change again.'
          : errorMessage(caught),
      )
    } finally {
      setSaving(false)
    }
  }

  return (
    <section className="settings" aria-label="Project settings">
      <dl className="settings__facts">
        <dt>Name</dt>
        <dd>{project.name}</dd>
        {project.type && (
          <>
            <dt>Type</dt>
            <dd>{project.type}</dd>
          </>
        )}
        {project.techStack.length > 0 && (
          <>
            <dt>Tech stack</dt>
            <dd>{project.techStack.join(', ')}</dd>
          </>
        )}
      </dl>
      <form className="form" onSubmit={onSubmit} aria-labelledby="rules-title">
        <h2 className="section-title" id="rules-title">
          Rules for the AI
        </h2>
        <p className="field__hint" id="rules-hint">
          Conventions the AI follows in this project, such as “use Tailwind” or “tests with Vitest”.
          Kept in <code>{RULES_PATH}</code> and sent with every message.
        </p>
        {error && (
          <Alert title="The rules were not saved">
            {error}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => setGeneration((g) => g + 1)}
            >
              Reload
            </button>
          </Alert>
        )}
        <textarea
          className="input settings__rules"
          aria-label="Rules for the AI"
          aria-describedby="rules-hint"
          rows={14}
          disabled={!loaded}
          placeholder={loaded && version === null ? 'No rules yet.' : undefined}
          value={rules}
          onChange={(e) => {
            setRules(e.target.value)
            setSaved(false)
          }}
        />
        <div className="form__actions">
          {saved && (
            <span role="status" className="settings__saved">
              Rules saved
            </span>
          )}
          <Button type="submit" loading={saving} disabled={!loaded}>
            Save rules
          </Button>
        </div>
      </form>
    </section>
  )
}
