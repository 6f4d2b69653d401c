import { useCallback, useEffect } from 'react'
import { errorMessage } from '@/services/api/apiError'
import { executionService } from '@/services/api/executionService'
import { isRunning, useExecutionStore } from '@/store/executionStore'
import type { RunRequest } from '@/types/api'

const RUNS_EVERY_MS = 2000
const LOG_EVERY_MS = 1000

/**
 * Keeps the execution store current for a project: runs and problems, polled while something
 * runs, and the selected run's log, polled while it runs.
 */
export function useRuns(projectId: string) {
  const runs = useExecutionStore((s) => s.runs)
  const selectedRunId = useExecutionStore((s) => s.selectedRunId)
  const anyRunning = runs.some(isRunning)
  const selected = runs.find((run) => run.id === selectedRunId)
  const selectedRunning = isRunning(selected)

  const refresh = useCallback(async () => {
    const store = useExecutionStore.getState()
    try {
      const [latest, problems] = await Promise.all([
        executionService.list(projectId),
        executionService.problems(projectId),
      ])
      store.setRuns(latest)
      store.setProblems(problems)
    } catch (error) {
      store.setError(errorMessage(error))
    }
  }, [projectId])

  useEffect(() => {
    useExecutionStore.getState().open(projectId)
    void refresh()
  }, [projectId, refresh])

  useEffect(() => {
    if (!anyRunning) return
    const timer = setInterval(() => void refresh(), RUNS_EVERY_MS)
    return () => clearInterval(timer)
  }, [anyRunning, refresh])

  useEffect(() => {
    if (!selectedRunId) return
    const load = async () => {
      try {
        const log = await executionService.log(projectId, selectedRunId)
        useExecutionStore.getState().setLog(selectedRunId, log)
      } catch (error) {
        useExecutionStore.getState().setError(errorMessage(error))
      }
    }
    void load()
    if (!selectedRunning) return
    const timer = setInterval(() => void load(), LOG_EVERY_MS)
    return () => clearInterval(timer)
  }, [projectId, selectedRunId, selectedRunning])

  const start = useCallback(
    async (request: RunRequest) => {
      const store = useExecutionStore.getState()
      store.setError(null)
      try {
        const run = await executionService.start(projectId, request)
        store.upsertRun(run)
        store.selectRun(run.id)
        return run
      } catch (error) {
        store.setError(errorMessage(error))
        return null
      }
    },
    [projectId],
  )

  const stop = useCallback(
    async (runId: string) => {
      try {
        await executionService.stop(projectId, runId)
        await refresh()
      } catch (error) {
        useExecutionStore.getState().setError(errorMessage(error))
      }
    },
    [projectId, refresh],
  )

  return { start, stop, refresh }
}
