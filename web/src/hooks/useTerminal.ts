import { useEffect, useRef, useState } from 'react'
import { Terminal } from '@xterm/xterm'
import { FitAddon } from '@xterm/addon-fit'
import { executionService } from '@/services/api/executionService'
import { TerminalSocket, type TerminalStatus } from '@/services/websocket/terminalWebSocket'

/** Mounts xterm.js in the element and attaches it to the project's shell on the server. */
export function useTerminal(projectId: string, active: boolean) {
  const element = useRef<HTMLDivElement | null>(null)
  const [status, setStatus] = useState<TerminalStatus>('connecting')
  const [reason, setReason] = useState<string | null>(null)

  useEffect(() => {
    const host = element.current
    if (!active || !host) return
    const terminal = new Terminal({
      convertEol: false,
      cursorBlink: true,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      fontSize: 13,
      theme: { background: '#0b1120' },
    })
    const fit = new FitAddon()
    terminal.loadAddon(fit)
    terminal.open(host)
    const socket = new TerminalSocket({
      projectId,
      ticket: (id) => executionService.terminalTicket(id),
      onOutput: (bytes) => terminal.write(bytes),
      onStatus: (next, why) => {
        setStatus(next)
        if (why) {
          setReason(why)
          terminal.write(`\r\n\x1b[2m[${why}]\x1b[0m\r\n`)
        }
      },
    })
    const fitNow = () => {
      try {
        fit.fit()
        socket.resize(terminal.cols, terminal.rows)
      } catch {
        // not laid out yet
      }
    }
    const typing = terminal.onData((data) => socket.input(data))
    // the panel resizes with its splitter as well as with the window
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fitNow)
    observer?.observe(host)
    window.addEventListener('resize', fitNow)
    socket.connect()
    fitNow()
    return () => {
      observer?.disconnect()
      window.removeEventListener('resize', fitNow)
      typing.dispose()
      socket.close()
      terminal.dispose()
    }
  }, [projectId, active])

  return { element, status, reason }
}
