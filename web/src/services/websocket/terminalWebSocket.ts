/**
 * The terminal's WebSocket: a one-use ticket from the API, binary frames of output in, JSON input
 * and resize messages out, and a new ticket and connection with backoff when it drops.
 */
export type TerminalStatus = 'connecting' | 'open' | 'reconnecting' | 'closed'

export interface TerminalSocketOptions {
  projectId: string
  ticket: (projectId: string) => Promise<{ ticket: string }>
  onOutput: (bytes: Uint8Array) => void
  onStatus: (status: TerminalStatus, reason?: string) => void
  /** Injected in tests; the browser's WebSocket otherwise. */
  createSocket?: (url: string) => WebSocket
  location?: { protocol: string; host: string }
  delays?: number[]
}

const DELAYS = [1000, 2000, 4000, 8000, 10000]

export class TerminalSocket {
  readonly #options: TerminalSocketOptions
  #socket: WebSocket | null = null
  #attempt = 0
  #closed = false
  #timer: ReturnType<typeof setTimeout> | null = null
  #size: { cols: number; rows: number } | null = null

  constructor(options: TerminalSocketOptions) {
    this.#options = options
  }

  connect(): void {
    this.#closed = false
    void this.#open()
  }

  input(data: string): void {
    this.#send({ type: 'input', data })
  }

  resize(cols: number, rows: number): void {
    this.#size = { cols, rows }
    this.#send({ type: 'resize', cols, rows })
  }

  close(): void {
    this.#closed = true
    if (this.#timer) clearTimeout(this.#timer)
    this.#socket?.close(1000, 'tab closed')
    this.#socket = null
    this.#options.onStatus('closed')
  }

  #send(message: object): void {
    if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(message))
  }

  async #open(): Promise<void> {
    const { projectId, onOutput, onStatus } = this.#options
    onStatus(this.#attempt === 0 ? 'connecting' : 'reconnecting')
    let ticket: string
    try {
      ticket = (await this.#options.ticket(projectId)).ticket
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (/sandbox|cannot run/i.test(message)) {
        onStatus('closed', message)
        return
      }
      this.#retry()
      return
    }
    if (this.#closed) return
    const where = this.#options.location ?? window.location
    const scheme = where.protocol === 'https:' ? 'wss' : 'ws'
    const url = `${scheme}://${where.host}/api/v1/projects/${projectId}/terminal?ticket=${encodeURIComponent(ticket)}`
    const socket = (this.#options.createSocket ?? ((u) => new WebSocket(u)))(url)
    socket.binaryType = 'arraybuffer'
    this.#socket = socket
    socket.onopen = () => {
      this.#attempt = 0
      onStatus('open')
      if (this.#size) this.resize(this.#size.cols, this.#size.rows)
    }
    socket.onmessage = (event: MessageEvent) => {
      if (typeof event.data === 'string') onOutput(new TextEncoder().encode(event.data))
      else onOutput(new Uint8Array(event.data as ArrayBuffer))
    }
    socket.onclose = (event: CloseEvent) => {
      if (this.#socket !== socket) return
      this.#socket = null
      if (this.#closed) return
      if (event.code === 1000 && event.reason) {
        // the shell ended or was closed on purpose: a fresh one starts on the next connect
        onStatus('reconnecting', event.reason)
      }
      this.#retry()
    }
  }

  #retry(): void {
    if (this.#closed) return
    const delays = this.#options.delays ?? DELAYS
    const delay = delays[Math.min(this.#attempt, delays.length - 1)]
    this.#attempt++
    this.#options.onStatus('reconnecting')
    this.#timer = setTimeout(() => void this.#open(), delay)
  }
}
