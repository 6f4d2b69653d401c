import { afterEach, describe, expect, it, vi } from 'vitest'
import { ProjectChannel, type ChannelMessage } from '@/services/websocket/chatWebSocket'

class ScriptedSocket {
  static opened: ScriptedSocket[] = []
  readonly sent: Record<string, unknown>[] = []
  onmessage: ((event: { data: string }) => void) | null = null
  onclose: (() => void) | null = null

  constructor(readonly url: string) {
    ScriptedSocket.opened.push(this)
  }
  send(data: string) {
    this.sent.push(JSON.parse(data) as Record<string, unknown>)
  }
  close() {}
  receive(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) })
  }
  drop() {
    this.onclose?.()
  }
}

afterEach(() => {
  ScriptedSocket.opened = []
})

function open() {
  const received: ChannelMessage[] = []
  const resyncs: number[] = []
  const channel = new ProjectChannel({
    projectId: 'p1',
    ticket: async () => ({ ticket: `t${ScriptedSocket.opened.length + 1}` }),
    onMessage: (message) => received.push(message),
    onResync: () => resyncs.push(1),
    onStatus: () => {},
    createSocket: (url) => new ScriptedSocket(url) as unknown as WebSocket,
    location: { protocol: 'http:', host: 'editor.test' },
    delays: [5],
    pingEveryMs: 60_000,
  })
  channel.connect()
  return { channel, received, resyncs }
}

describe('ProjectChannel', () => {
  it('resumes after the last number it saw and counts each number once', async () => {
    const { channel, received, resyncs } = open()
    await vi.waitFor(() => expect(ScriptedSocket.opened).toHaveLength(1))
    const first = ScriptedSocket.opened[0]!
    first.receive({ type: 'hello', epoch: 'e1', seq: 4 })
    first.receive({ seq: 5, type: 'file.changed', path: 'a.txt', version: 1 })
    first.receive({ seq: 6, type: 'file.changed', path: 'a.txt', version: 2 })

    first.drop()
    await vi.waitFor(() => expect(ScriptedSocket.opened).toHaveLength(2))
    const second = ScriptedSocket.opened[1]!
    second.receive({ type: 'hello', epoch: 'e1', seq: 8 })
    second.receive({ seq: 6, type: 'file.changed', path: 'a.txt', version: 2 })
    second.receive({ seq: 7, type: 'file.changed', path: 'a.txt', version: 3 })

    expect(first.sent[0]).toEqual({ type: 'resume', after: -1, epoch: 'e1' })
    expect(second.url).toContain('ticket=t2')
    expect(second.sent[0]).toEqual({ type: 'resume', after: 6, epoch: 'e1' })
    expect(received.map((m) => m.seq)).toEqual([5, 6, 7])
    expect(resyncs).toEqual([])
    channel.close()
  })

  it('asks for a reload when the server restarted or no longer has the missed messages', async () => {
    const { channel, resyncs } = open()
    await vi.waitFor(() => expect(ScriptedSocket.opened).toHaveLength(1))
    ScriptedSocket.opened[0]!.receive({ type: 'hello', epoch: 'e1', seq: 0 })
    ScriptedSocket.opened[0]!.receive({ type: 'resync', seq: 90 })
    ScriptedSocket.opened[0]!.drop()
    await vi.waitFor(() => expect(ScriptedSocket.opened).toHaveLength(2))
    ScriptedSocket.opened[1]!.receive({ type: 'hello', epoch: 'e2', seq: 3 })

    expect(resyncs).toHaveLength(2)
    expect(ScriptedSocket.opened[1]!.sent[0]).toEqual({ type: 'resume', after: -1, epoch: 'e2' })
    channel.close()
  })
})
