import { create } from 'zustand'
import type { BuildProblem, RunView } from '@/types/api'

export interface ExecutionState {
  projectId: string | null
  /** Newest first, as the server lists them. */
  runs: RunView[]
  selectedRunId: string | null
  log: string
  problems: BuildProblem[]
  error: string | null
}

export interface ExecutionActions {
  open: (projectId: string) => void
  setRuns: (runs: RunView[]) => void
  upsertRun: (run: RunView) => void
  selectRun: (runId: string | null) => void
  setLog: (runId: string, log: string) => void
  setProblems: (problems: BuildProblem[]) => void
  setError: (error: string | null) => void
}

const initial: ExecutionState = {
  projectId: null,
  runs: [],
  selectedRunId: null,
  log: '',
  problems: [],
  error: null,
}

const newestFirst = (a: RunView, b: RunView) => b.startedAt.localeCompare(a.startedAt)

/** Runs, the selected run's output and the project's problems, for the terminal panel. */
export const useExecutionStore = create<ExecutionState & ExecutionActions>()((set) => ({
  ...initial,
  open: (projectId) =>
    set((state) => (state.projectId === projectId ? state : { ...initial, projectId })),
  setRuns: (runs) =>
    set((state) => ({
      runs: [...runs].sort(newestFirst),
      selectedRunId: state.selectedRunId ?? runs[0]?.id ?? null,
    })),
  upsertRun: (run) =>
    set((state) => ({
      runs: [run, ...state.runs.filter((r) => r.id !== run.id)].sort(newestFirst),
    })),
  selectRun: (runId) =>
    set((state) => (state.selectedRunId === runId ? state : { selectedRunId: runId, log: '' })),
  setLog: (runId, log) => set((state) => (state.selectedRunId === runId ? { log } : state)),
  setProblems: (problems) => set({ problems }),
  setError: (error) => set({ error }),
}))

export const isRunning = (run: RunView | undefined) => run?.status === 'running'
