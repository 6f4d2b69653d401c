import { useEffect, useRef } from 'react'
import { isRunning, useExecutionStore } from '@/store/executionStore'
import type { RunView } from '@/types/api'

function duration(run: RunView): string {
  const end = run.endedAt ? Date.parse(run.endedAt) : Date.now()
  const seconds = Math.max(0, Math.round((end - Date.parse(run.startedAt)) / 1000))
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m ${seconds % 60}s`
}

/** The runs, newest first, and the selected run's output, following it while at the bottom. */
export function OutputView({ onStop }: { onStop: (runId: string) => void }) {
  const runs = useExecutionStore((s) => s.runs)
  const selectedRunId = useExecutionStore((s) => s.selectedRunId)
  const log = useExecutionStore((s) => s.log)
  const output = useRef<HTMLPreElement | null>(null)
  const atBottom = useRef(true)

  useEffect(() => {
    const pre = output.current
    if (pre && atBottom.current) pre.scrollTop = pre.scrollHeight
  }, [log])

  if (runs.length === 0) {
    return <p className="output__empty">No runs yet: press Run to install and start the project.</p>
  }
  return (
    <div className="output">
      <ul className="output__runs" aria-label="Runs">
        {runs.map((run) => (
          <li key={run.id}>
            <button
              type="button"
              className="output__run"
              aria-current={run.id === selectedRunId}
              onClick={() => useExecutionStore.getState().selectRun(run.id)}
            >
              <span className={`output__status output__status--${run.status}`}>{run.status}</span>
              <span className="output__command">{run.command}</span>
              <span className="output__meta">
                {run.exitCode !== null ? `exit ${run.exitCode} · ` : ''}
                {duration(run)}
              </span>
            </button>
            {isRunning(run) && (
              <button type="button" className="output__stop" onClick={() => onStop(run.id)}>
                Stop
              </button>
            )}
          </li>
        ))}
      </ul>
      <pre
        className="output__log"
        aria-label="Run output"
        ref={output}
        onScroll={(event) => {
          const pre = event.currentTarget
          atBottom.current = pre.scrollHeight - pre.scrollTop - pre.clientHeight < 24
        }}
      >
        {log}
      </pre>
    </div>
  )
}
