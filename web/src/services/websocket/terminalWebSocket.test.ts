import { afterEach, describe, expect, it, vi } from 'vitest'
import { TerminalSocket, type TerminalStatus } from '@/services/websocket/terminalWebSocket'

/** A WebSocket the test drives: it records what was sent and fires the events on demand. */
class ScriptedSocket {
  static opened: ScriptedSocket[] = []
  readonly sent: string[] = []
  readyState = 0
  binaryType = 'blob'
  onopen: (() => void) | null = null
  onmessage: ((event: { data: unknown }) => void) | null = null
  onclose: ((event: { code: number; reason: string }) => void) | null = null

  constructor(readonly url: string) {
    ScriptedSocket.opened.push(this)
  }
  send(data: string) {
    this.sent.push(data)
  }
  close() {
    this.readyState = 3
  }
  open() {
    this.readyState = 1
    this.onopen?.()
  }
  drop(code = 1006, reason = '') {
    this.readyState = 3
    this.onclose?.({ code, reason })
  }
}

afterEach(() => {
  ScriptedSocket.opened = []
  vi.useRealTimers()
})

function connect(tickets: string[], statuses: TerminalStatus[], output: Uint8Array[]) {
  let next = 0
  const socket = new TerminalSocket({
    projectId: 'p1',
    ticket: async () => ({ ticket: tickets[next++]! }),
    onOutput: (bytes) => output.push(bytes),
    onStatus: (status) => statuses.push(status),
    createSocket: (url) => new ScriptedSocket(url) as unknown as WebSocket,
    location: { protocol: 'https:', host: 'editor.example' },
    delays: [10],
  })
  socket.connect()
  return socket
}

describe('TerminalSocket', () => {
  it('connects with a ticket, passes output and sends typed input and the size', async () => {
    const statuses: TerminalStatus[] = []
    const output: Uint8Array[] = []
    const socket = connect(['t-1'], statuses, output)
    await vi.waitFor(() => expect(ScriptedSocket.opened).toHaveLength(1))
    const server = ScriptedSocket.opened[0]!

    expect(server.url).toBe('wss://editor.example/api/v1/projects/p1/terminal?ticket=t-1')
    server.open()
    server.onmessage?.({ data: new TextEncoder().encode('$ ').buffer })
    socket.input('ls\r')
    socket.resize(100, 30)

    expect(statuses).toEqual(['connecting', 'open'])
    expect(new TextDecoder().decode(output[0])).toBe('$ ')
    expect(server.sent.map((m) => JSON.parse(m))).toEqual([
      { type: 'input', data: 'ls\r' },
      { type: 'resize', cols: 100, rows: 30 },
    ])
  })

  it('reconnects with a new ticket after a drop and sends its size again', async () => {
    const statuses: TerminalStatus[] = []
    const socket = connect(['t-1', 't-2'], statuses, [])
    await vi.waitFor(() => expect(ScriptedSocket.opened).toHaveLength(1))
    ScriptedSocket.opened[0]!.open()
    socket.resize(90, 20)

    ScriptedSocket.opened[0]!.drop()
    await vi.waitFor(() => expect(ScriptedSocket.opened).toHaveLength(2))
    const second = ScriptedSocket.opened[1]!
    second.open()

    expect(second.url).toContain('ticket=t-2')
    expect(statuses).toContain('reconnecting')
    expect(JSON.parse(second.sent[0]!)).toEqual({ type: 'resize', cols: 90, rows: 20 })
    socket.close()
    expect(statuses.at(-1)).toBe('closed')
  })
})
