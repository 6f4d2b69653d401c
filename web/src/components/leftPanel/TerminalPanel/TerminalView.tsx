import { useEffect, useState } from 'react'
import { useTerminal } from '@/hooks/useTerminal'

const STATUS_TEXT = {
  connecting: 'Connecting…',
  open: null,
  reconnecting: 'Reconnecting…',
  closed: 'Disconnected',
} as const

/** The project's shell in xterm.js; mounted once shown, kept while other tabs are open. */
export function TerminalView({ projectId, active }: { projectId: string; active: boolean }) {
  // once started the shell stays attached while another tab is shown
  const [started, setStarted] = useState(active)
  useEffect(() => {
    if (active) setStarted(true)
  }, [active])
  const { element, status, reason } = useTerminal(projectId, started)
  const text = STATUS_TEXT[status]
  return (
    <div className="terminal-view" hidden={!active}>
      {text && (
        <div className="terminal-view__status" role="status">
          {status === 'closed' && reason ? reason : text}
        </div>
      )}
      <div className="terminal-view__screen" ref={element} data-testid="terminal-screen" />
    </div>
  )
}
