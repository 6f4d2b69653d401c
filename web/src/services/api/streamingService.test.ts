import { describe, expect, it } from 'vitest'
import { ApiError } from '@/services/api/apiError'
import { HttpClient, type Session } from '@/services/api/httpClient'
import { STREAM_LOST, StreamingService } from '@/services/api/streamingService'
import type { ChatEvent } from '@/types/chat.types'

function session() {
  const state = { access: 'access-1', refresh: 'refresh-1' }
  const value: Session = {
    accessToken: () => state.access,
    refreshToken: () => state.refresh,
    refreshed: (auth) => {
      state.access = auth.accessToken
      state.refresh = auth.refreshToken
    },
    expired: () => undefined,
  }
  return { state, session: value }
}

/** A response whose body arrives in the given pieces, then ends (or fails: a dropped connection). */
function eventStream(pieces: string[], drop = false): Response {
  const encoder = new TextEncoder()
  const queue = [...pieces]
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = queue.shift()
      if (piece !== undefined) controller.enqueue(encoder.encode(piece))
      else if (drop) controller.error(new TypeError('network error'))
      else controller.close()
    },
  })
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } })
}

const sse = (id: number, event: object) => `id: ${id}\ndata: ${JSON.stringify(event)}\n\n`
const STATUS = { type: 'status', status: 'thinking', messageId: 'reply-1', userMessageId: 'user-1' }
const CHUNK = (content: string) => ({ type: 'chunk', content })
const COMPLETE = { type: 'complete', tokensUsed: 42, messageId: 'reply-1', status: 'complete' }

interface Call {
  method: string
  url: string
  headers: Record<string, string>
  body: unknown
}

function setup(responses: (() => Response)[]) {
  const calls: Call[] = []
  const auth = session()
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      method: init?.method ?? 'GET',
      url: String(input),
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    })
    const next = responses.shift()
    if (!next) return Promise.reject(new TypeError('no more responses'))
    return Promise.resolve(next())
  }
  const client = new HttpClient({ session: auth.session, fetch: fetch as typeof globalThis.fetch })
  const service = new StreamingService(client, { reconnectDelay: () => 0, maxReconnects: 2 })
  return { calls, auth, service }
}

async function collect(service: StreamingService): Promise<ChatEvent[]> {
  const events: ChatEvent[] = []
  await service.stream(
    {
      method: 'POST',
      path: '/api/v1/chat/stream',
      options: { body: { projectId: 'p', message: 'hi' } },
    },
    { onEvent: (event) => events.push(event) },
  )
  return events
}

describe('StreamingService', () => {
  it('posts the body with the token and reads events split across reads', async () => {
    const text = sse(1, STATUS) + sse(2, CHUNK('Hel')) + sse(3, CHUNK('lo')) + sse(4, COMPLETE)
    const pieces = [text.slice(0, 17), text.slice(17, 60), text.slice(60, 61), text.slice(61)]
    const { calls, service } = setup([() => eventStream(pieces)])

    const events = await collect(service)

    expect(events.map((e) => e.type)).toEqual(['status', 'chunk', 'chunk', 'complete'])
    expect(events[1]).toEqual(CHUNK('Hel'))
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: '/api/v1/chat/stream',
      body: { projectId: 'p', message: 'hi' },
    })
    expect(calls[0]?.headers).toMatchObject({
      Authorization: 'Bearer access-1',
      Accept: 'text/event-stream',
    })
  })

  it('renews the token once on a 401 before the stream, then streams', async () => {
    const { calls, service } = setup([
      () => new Response(null, { status: 401 }),
      () =>
        new Response(
          JSON.stringify({
            accessToken: 'access-2',
            refreshToken: 'refresh-2',
            expiresIn: 900,
            user: { id: 'u', email: 'a@b.co', name: null, role: 'user', createdAt: '' },
          }),
          { status: 200, headers: { 'Content-Type': 'application/json' } },
        ),
      () => eventStream([sse(1, STATUS), sse(2, COMPLETE)]),
    ])

    const events = await collect(service)

    expect(events.map((e) => e.type)).toEqual(['status', 'complete'])
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/chat/stream',
      'POST /api/v1/auth/refresh',
      'POST /api/v1/chat/stream',
    ])
    expect(calls[2]?.headers.Authorization).toBe('Bearer access-2')
  })

  it('resumes a dropped stream with Last-Event-ID and loses or repeats nothing', async () => {
    const { calls, service } = setup([
      () => eventStream([sse(1, STATUS), sse(2, CHUNK('a')), 'id: 3\ndata: {"ty'], true),
      () => eventStream([sse(3, CHUNK('b')), sse(4, COMPLETE)]),
    ])

    const events = await collect(service)

    expect(events).toEqual([STATUS, CHUNK('a'), CHUNK('b'), COMPLETE])
    expect(calls[1]).toMatchObject({
      method: 'GET',
      url: '/api/v1/chat/stream?messageId=reply-1',
    })
    expect(calls[1]?.headers['Last-Event-ID']).toBe('2')
  })

  it('reports a lost stream when it cannot be resumed, keeping what arrived', async () => {
    const { service } = setup([
      () => eventStream([sse(1, STATUS), sse(2, CHUNK('a'))], true),
      () => new Response(null, { status: 503 }),
      () => new Response(null, { status: 503 }),
    ])

    const events = await collect(service)

    expect(events.slice(0, 2)).toEqual([STATUS, CHUNK('a')])
    expect(events.at(-1)).toMatchObject({ type: 'error', code: STREAM_LOST })
  })

  it('rejects with the problem when the server refuses before streaming (402)', async () => {
    const { service } = setup([
      () =>
        new Response(
          JSON.stringify({ status: 402, title: 'Not enough tokens', code: 'insufficient-tokens' }),
          { status: 402, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    ])

    const error = await collect(service).catch((caught: unknown) => caught)

    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('insufficient-tokens')
  })

  it('stops reading when aborted', async () => {
    const { service } = setup([() => eventStream([sse(1, STATUS)])])
    const controller = new AbortController()
    controller.abort()
    const events: ChatEvent[] = []
    await service.stream(
      { method: 'POST', path: '/api/v1/chat/stream', options: { body: {} } },
      { onEvent: (event) => events.push(event), signal: controller.signal },
    )
    expect(events).toEqual([])
  })
})
