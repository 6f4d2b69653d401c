import { useState } from 'react'
import '@xterm/xterm/css/xterm.css'
import '@/styles/execution.css'
import { OutputView } from '@/components/leftPanel/TerminalPanel/OutputView'
import { ProblemsList } from '@/components/leftPanel/TerminalPanel/ProblemsList'
import { TerminalView } from '@/components/leftPanel/TerminalPanel/TerminalView'
import { useRuns } from '@/hooks/useRuns'
import { isRunning, useExecutionStore } from '@/store/executionStore'
import { useProjectStore } from '@/store/projectStore'

const TABS = ['Terminal', 'Problems', 'Output'] as const
type Tab = (typeof TABS)[number]

export interface TerminalPanelProps {
  collapsed: boolean
  onToggle: () => void
  /** Sends a request to the chat in debugging mode ("Ask AI to fix"). */
  onAskAi?: (text: string) => void
}

/** The seed's terminal panel: a live shell, the problems found in output, and the runs' output. */
export function TerminalPanel({ collapsed, onToggle, onAskAi }: TerminalPanelProps) {
  const projectId = useProjectStore((s) => s.currentProject?.id ?? null)
  if (!projectId) return null
  return (
    <ProjectTerminalPanel
      projectId={projectId}
      collapsed={collapsed}
      onToggle={onToggle}
      onAskAi={onAskAi}
    />
  )
}

function ProjectTerminalPanel({
  projectId,
  collapsed,
  onToggle,
  onAskAi,
}: TerminalPanelProps & { projectId: string }) {
  const [tab, setTab] = useState<Tab>('Terminal')
  const [maximised, setMaximised] = useState(false)
  const { start, stop } = useRuns(projectId)
  const runs = useExecutionStore((s) => s.runs)
  const problems = useExecutionStore((s) => s.problems)
  const error = useExecutionStore((s) => s.error)
  const running = runs.find(isRunning)

  return (
    <section
      className={`terminal-panel${maximised ? ' terminal-panel--maximised' : ''}`}
      aria-label="Terminal panel"
    >
      <div className="terminal-panel__tabs" role="tablist">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className="terminal-panel__tab"
            onClick={() => {
              setTab(name)
              if (collapsed) onToggle()
            }}
          >
            {name}
            {name === 'Problems' && problems.length > 0 && (
              <span className="terminal-panel__count" aria-label={`${problems.length} problems`}>
                {problems.length}
              </span>
            )}
          </button>
        ))}
        <div className="terminal-panel__actions">
          {running ? (
            <button
              type="button"
              className="terminal-panel__action terminal-panel__action--stop"
              onClick={() => void stop(running.id)}
            >
              ■ Stop
            </button>
          ) : (
            <button
              type="button"
              className="terminal-panel__action"
              onClick={() => {
                setTab('Output')
                if (collapsed) onToggle()
                void start({ action: 'run' })
              }}
            >
              ▶ Run
            </button>
          )}
          <button
            type="button"
            className="terminal-panel__toggle"
            aria-label={maximised ? 'Restore terminal' : 'Maximise terminal'}
            onClick={() => setMaximised((value) => !value)}
          >
            {maximised ? '❐' : '□'}
          </button>
          <button
            type="button"
            className="terminal-panel__toggle"
            aria-expanded={!collapsed}
            aria-label={collapsed ? 'Show terminal' : 'Hide terminal'}
            onClick={onToggle}
          >
            {collapsed ? '▴' : '▾'}
          </button>
        </div>
      </div>
      {error && !collapsed && (
        <div className="terminal-panel__error" role="alert">
          {error}
        </div>
      )}
      <div className="terminal-panel__body" role="tabpanel" aria-label={tab} hidden={collapsed}>
        <TerminalView projectId={projectId} active={!collapsed && tab === 'Terminal'} />
        {tab === 'Problems' && (
          <ProblemsList projectId={projectId} problems={problems} onAskAi={onAskAi} />
        )}
        {tab === 'Output' && <OutputView onStop={(runId) => void stop(runId)} />}
      </div>
    </section>
  )
}
