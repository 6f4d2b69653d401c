import { useCallback, useRef, useState } from 'react'

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown }

export interface ApiAction<A extends unknown[], R> {
  /** Runs the action; never throws: a failure is the outcome, and `error` until the next run. */
  run: (...args: A) => Promise<Outcome<R>>
  pending: boolean
  error: unknown
  clearError: () => void
}

/** Tracks one asynchronous call for a form or button: pending while it runs, then its error. */
export function useApiAction<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
): ApiAction<A, R> {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const latest = useRef(action)
  latest.current = action

  const run = useCallback(async (...args: A): Promise<Outcome<R>> => {
    setPending(true)
    setError(null)
    try {
      return { ok: true, value: await latest.current(...args) }
    } catch (caught) {
      setError(caught)
      return { ok: false, error: caught }
    } finally {
      setPending(false)
    }
  }, [])

  const clearError = useCallback(() => setError(null), [])
  return { run, pending, error, clearError }
}
