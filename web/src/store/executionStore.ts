import { create } from 'zustand'
import type { BuildProblem, RunView } from '@/types/api'

/**
 * How the terminal panel shows under the chat: docked (its share of the split), minimised to its
 * tab bar, maximised over the workbench, or closed (gone, reopened from the chat's status bar).
 */
export type TerminalLayout = 'docked' | 'minimised' | 'maximised' | 'closed'

export interface ExecutionState {
  projectId: string | null
  /** Newest first, as the server lists them. */
  runs: RunView[]
  selectedRunId: string | null
  log: string
  problems: BuildProblem[]
  error: string | null
  /** Kept across projects: it is the user's layout, not the project's. */
  terminal: TerminalLayout
}

export interface ExecutionActions {
  open: (projectId: string) => void
  setRuns: (runs: RunView[]) => void
  upsertRun: (run: RunView) => void
  selectRun: (runId: string | null) => void
  setLog: (runId: string, log: string) => void
  setProblems: (problems: BuildProblem[]) => void
  setError: (error: string | null) => void
  setTerminal: (layout: TerminalLayout) => void
  /** Minimise or maximise, or back to docked when it already is. */
  toggleTerminal: (layout: 'minimised' | 'maximised') => void
}

const initial: ExecutionState = {
  projectId: null,
  runs: [],
  selectedRunId: null,
  log: '',
  problems: [],
  error: null,
  terminal: 'docked',
}

const newestFirst = (a: RunView, b: RunView) => b.startedAt.localeCompare(a.startedAt)

/** Runs, the selected run's output and the project's problems, for the terminal panel. */
export const useExecutionStore = create<ExecutionState & ExecutionActions>()((set) => ({
  ...initial,
  open: (projectId) =>
    set((state) =>
      state.projectId === projectId ? state : { ...initial, projectId, terminal: state.terminal },
    ),
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
  setTerminal: (terminal) => set({ terminal }),
  toggleTerminal: (layout) =>
    set((state) => ({ terminal: state.terminal === layout ? 'docked' : layout })),
}))

export const isRunning = (run: RunView | undefined) => run?.status === 'running'
