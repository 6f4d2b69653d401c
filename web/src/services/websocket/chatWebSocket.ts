/**
 * The live project channel (the seed's chat gateway): one WebSocket per open project, admitted by
 * a one-use ticket, carrying numbered messages. On reconnect it resumes after the last number it
 * saw; when the server no longer has those messages (or restarted) it asks the page to reload its
 * state once.
 */
export type ChannelStatus = 'connecting' | 'live' | 'offline'

export interface ChannelMessage {
  type: string
  seq?: number
  [field: string]: unknown
}

export interface ProjectChannelOptions {
  projectId: string
  ticket: (projectId: string) => Promise<{ ticket: string }>
  onMessage: (message: ChannelMessage) => void
  /** Messages were missed and cannot be replayed: reload the project's state. */
  onResync: () => void
  onStatus: (status: ChannelStatus) => void
  createSocket?: (url: string) => WebSocket
  location?: { protocol: string; host: string }
  delays?: number[]
  pingEveryMs?: number
}

const DELAYS = [1000, 2000, 4000, 8000, 10000]

export class ProjectChannel {
  readonly #options: ProjectChannelOptions
  #socket: WebSocket | null = null
  #lastSeq: number | null = null
  #epoch: string | null = null
  #attempt = 0
  #closed = false
  #timer: ReturnType<typeof setTimeout> | null = null
  #ping: ReturnType<typeof setInterval> | null = null

  constructor(options: ProjectChannelOptions) {
    this.#options = options
  }

  connect(): void {
    this.#closed = false
    void this.#open()
  }

  close(): void {
    this.#closed = true
    if (this.#timer) clearTimeout(this.#timer)
    if (this.#ping) clearInterval(this.#ping)
    this.#socket?.close(1000, 'page closed')
    this.#socket = null
  }

  async #open(): Promise<void> {
    const { projectId, onStatus } = this.#options
    onStatus(this.#attempt === 0 && this.#lastSeq === null ? 'connecting' : 'offline')
    let ticket: string
    try {
      ticket = (await this.#options.ticket(projectId)).ticket
    } catch {
      this.#retry()
      return
    }
    if (this.#closed) return
    const where = this.#options.location ?? window.location
    const scheme = where.protocol === 'https:' ? 'wss' : 'ws'
    const socket = (this.#options.createSocket ?? ((u) => new WebSocket(u)))(
      `${scheme}://${where.host}/api/v1/projects/${projectId}/events?ticket=${encodeURIComponent(ticket)}`,
    )
    this.#socket = socket
    socket.onmessage = (event: MessageEvent) => {
      if (typeof event.data === 'string')
        this.#receive(socket, JSON.parse(event.data) as ChannelMessage)
    }
    socket.onclose = () => {
      if (this.#socket !== socket) return
      this.#socket = null
      if (this.#ping) clearInterval(this.#ping)
      if (!this.#closed) this.#retry()
    }
  }

  #receive(socket: WebSocket, message: ChannelMessage): void {
    const { onMessage, onResync, onStatus } = this.#options
    if (message.type === 'hello') {
      const epoch = String(message.epoch)
      const sameServer = this.#epoch === epoch && this.#lastSeq !== null
      const hadState = this.#lastSeq !== null
      this.#epoch = epoch
      socket.send(JSON.stringify({ type: 'resume', after: sameServer ? this.#lastSeq : -1, epoch }))
      if (!sameServer) {
        this.#lastSeq = typeof message.seq === 'number' ? message.seq : 0
        if (hadState) onResync()
      }
      this.#attempt = 0
      onStatus('live')
      this.#ping = setInterval(
        () => socket.send(JSON.stringify({ type: 'ping' })),
        this.#options.pingEveryMs ?? 20_000,
      )
      return
    }
    if (message.type === 'resync') {
      this.#lastSeq = typeof message.seq === 'number' ? message.seq : this.#lastSeq
      onResync()
      return
    }
    if (message.type === 'pong') return
    if (typeof message.seq === 'number') {
      // a replay can overlap what already arrived: each number counts once
      if (this.#lastSeq !== null && message.seq <= this.#lastSeq) return
      this.#lastSeq = message.seq
    }
    onMessage(message)
  }

  #retry(): void {
    if (this.#closed) return
    const delays = this.#options.delays ?? DELAYS
    const delay = delays[Math.min(this.#attempt, delays.length - 1)]
    this.#attempt++
    this.#options.onStatus('offline')
    this.#timer = setTimeout(() => void this.#open(), delay)
  }
}
