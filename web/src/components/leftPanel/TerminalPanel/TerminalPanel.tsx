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
  /** Sends a request to the chat in debugging mode ("Ask AI to fix"). */
  onAskAi?: (text: string) => void
}

/**
 * The seed's terminal panel: a live shell, the problems found in output, and the runs' output;
 * minimise, maximise and close controls set the layout in the execution store.
 */
export function TerminalPanel({ onAskAi }: TerminalPanelProps) {
  const projectId = useProjectStore((s) => s.currentProject?.id ?? null)
  if (!projectId) return null
  return <ProjectTerminalPanel projectId={projectId} onAskAi={onAskAi} />
}

function ProjectTerminalPanel({ projectId, onAskAi }: TerminalPanelProps & { projectId: string }) {
  const [tab, setTab] = useState<Tab>('Terminal')
  const layout = useExecutionStore((s) => s.terminal)
  const setLayout = useExecutionStore((s) => s.setTerminal)
  const toggleLayout = useExecutionStore((s) => s.toggleTerminal)
  const maximised = layout === 'maximised'
  const collapsed = layout === 'minimised' || layout === 'closed'
  const unfold = () => {
    if (collapsed) setLayout('docked')
  }
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
              unfold()
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
                unfold()
                void start({ action: 'run' })
              }}
            >
              ▶ Run
            </button>
          )}
          <button
            type="button"
            className="terminal-panel__toggle"
            aria-expanded={!collapsed}
            aria-label={collapsed ? 'Restore terminal' : 'Minimise terminal'}
            title={collapsed ? 'Restore' : 'Minimise'}
            onClick={() => toggleLayout('minimised')}
          >
            {collapsed ? '▴' : '▾'}
          </button>
          <button
            type="button"
            className="terminal-panel__toggle"
            aria-pressed={maximised}
            aria-label="Maximise terminal"
            title={maximised ? 'Restore' : 'Maximise'}
            onClick={() => toggleLayout('maximised')}
          >
            {maximised ? '❐' : '□'}
          </button>
          <button
            type="button"
            className="terminal-panel__toggle"
            aria-label="Close terminal"
            title="Close"
            onClick={() => setLayout('closed')}
          >
            ✕
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
