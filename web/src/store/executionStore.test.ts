import { beforeEach, describe, expect, it } from 'vitest'
import { useExecutionStore } from '@/store/executionStore'
import type { RunView } from '@/types/api'

const run = (id: string, startedAt: string, status = 'running'): RunView => ({
  id,
  command: 'npm run dev',
  status,
  exitCode: null,
  startedAt,
  endedAt: null,
})

describe('executionStore', () => {
  beforeEach(() => useExecutionStore.getState().open(crypto.randomUUID()))

  it('keeps runs newest first and selects the newest when nothing is selected', () => {
    const store = useExecutionStore.getState()
    store.setRuns([run('a', '2026-01-01T10:00:00Z'), run('b', '2026-01-01T11:00:00Z')])

    expect(useExecutionStore.getState().runs.map((r) => r.id)).toEqual(['b', 'a'])
    expect(useExecutionStore.getState().selectedRunId).toBe('a')
  })

  it('ignores a log that arrives for a run no longer selected', () => {
    const store = useExecutionStore.getState()
    store.upsertRun(run('a', '2026-01-01T10:00:00Z'))
    store.selectRun('a')
    store.setLog('a', 'first')
    store.selectRun('b')
    store.setLog('a', 'late answer for a')

    expect(useExecutionStore.getState().log).toBe('')
  })

  it('starts empty for another project', () => {
    useExecutionStore.getState().upsertRun(run('a', '2026-01-01T10:00:00Z'))
    useExecutionStore.getState().open('another')

    expect(useExecutionStore.getState().runs).toEqual([])
  })
})

describe('executionStore terminal layout', () => {
  beforeEach(() => useExecutionStore.getState().setTerminal('docked'))

  it('minimises and maximises as toggles, and closes', () => {
    const store = useExecutionStore.getState()
    const layout = () => useExecutionStore.getState().terminal
    store.toggleTerminal('minimised')
    expect(layout()).toBe('minimised')
    store.toggleTerminal('maximised')
    expect(layout()).toBe('maximised')
    store.toggleTerminal('maximised')
    expect(layout()).toBe('docked')
    store.setTerminal('closed')
    expect(layout()).toBe('closed')
  })

  it('keeps the layout when another project opens', () => {
    useExecutionStore.getState().setTerminal('closed')
    useExecutionStore.getState().open(crypto.randomUUID())
    expect(useExecutionStore.getState().terminal).toBe('closed')
  })
})
