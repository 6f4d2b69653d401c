import { ApiError } from '@/services/api/apiError'
import type { HttpClient, Method, RequestOptions } from '@/services/api/httpClient'
import { SseParser } from '@/services/api/sseParser'
import type { ApiPath } from '@/types/api'
import { isChatEvent, type ChatEvent } from '@/types/chat.types'

const RESUME_PATH = '/api/v1/chat/stream' satisfies ApiPath

/** Where a reply's stream starts: `POST /chat/stream`, `POST /chat/regenerate/{id}` or a resume. */
export interface StreamStart {
  method: Method
  path: ApiPath
  options?: RequestOptions
}

export interface StreamOptions {
  onEvent: (event: ChatEvent) => void
  signal?: AbortSignal
  /** The reply's id when already known (reattaching after a page load). */
  replyId?: string
  /** The last event id seen, to resume after it. */
  lastEventId?: string
}

export interface StreamingServiceOptions {
  /** Reconnect attempts after the connection drops (default 5). */
  maxReconnects?: number
  /** Wait before reconnect attempt n (default 500 ms × n). */
  reconnectDelay?: (attempt: number) => number
}

/** The stream ended without `complete` or `error` and could not be resumed. */
export const STREAM_LOST = 'stream-lost'

/**
 * Reads a reply's event stream over fetch (so it can POST a body and send the Bearer token,
 * which EventSource cannot), through the app's {@link HttpClient} so a 401 renews the token once.
 * When the connection drops before the closing `complete` or `error`, it reconnects with
 * `GET /chat/stream?messageId=<reply>` and `Last-Event-ID`, so no event is lost or repeated.
 * It resolves once the stream has ended; failures before the stream starts (402, 404) reject
 * with the {@link ApiError}.
 */
export class StreamingService {
  readonly #client: HttpClient
  readonly #maxReconnects: number
  readonly #delay: (attempt: number) => number

  constructor(client: HttpClient, options: StreamingServiceOptions = {}) {
    this.#client = client
    this.#maxReconnects = options.maxReconnects ?? 5
    this.#delay = options.reconnectDelay ?? ((attempt) => 500 * attempt)
  }

  async stream(start: StreamStart, options: StreamOptions): Promise<void> {
    const { onEvent, signal } = options
    let replyId = options.replyId ?? null
    let lastId = options.lastEventId ?? null
    let finished = false
    let attempt = 0
    let first = true

    for (;;) {
      if (signal?.aborted) return
      let response: Response
      try {
        if (first) {
          response = await this.#client.open(
            start.method,
            start.path,
            withAccept({ ...start.options, signal }),
          )
        } else {
          const headers: Record<string, string> = {}
          if (lastId !== null) headers['Last-Event-ID'] = lastId
          response = await this.#client.open('GET', RESUME_PATH, {
            query: { messageId: replyId ?? '' },
            headers,
            signal,
          })
        }
      } catch (error) {
        if (isAbort(error, signal)) return
        // the first call's refusal (402, 404, 400) is the caller's to show
        if (first || !isNetwork(error) || attempt >= this.#maxReconnects) {
          if (first) throw error
          onEvent(lost(error))
          return
        }
        attempt++
        await wait(this.#delay(attempt), signal)
        continue
      }
      first = false

      const parser = new SseParser()
      if (lastId !== null) parser.lastEventId = lastId
      try {
        await readText(response, signal, (text) => {
          for (const raw of parser.push(text)) {
            if (raw.id !== null) lastId = raw.id
            const event = parseEvent(raw.data)
            if (!event) continue
            if (event.type === 'status' && event.messageId) replyId = event.messageId
            if (event.type === 'complete' || event.type === 'error') finished = true
            attempt = 0
            onEvent(event)
          }
        })
      } catch (error) {
        if (isAbort(error, signal)) return
      }
      if (finished || signal?.aborted) return
      if (replyId === null || attempt >= this.#maxReconnects) {
        onEvent(lost())
        return
      }
      attempt++
      await wait(this.#delay(attempt), signal)
      if (signal?.aborted) return
    }
  }
}

function withAccept(options: RequestOptions = {}): RequestOptions {
  return { ...options, headers: { Accept: 'text/event-stream', ...options.headers } }
}

function parseEvent(data: string): ChatEvent | null {
  try {
    const value: unknown = JSON.parse(data)
    return isChatEvent(value) ? value : null
  } catch {
    return null
  }
}

function lost(cause?: unknown): ChatEvent {
  const detail = cause instanceof Error ? ` (${cause.message})` : ''
  return {
    type: 'error',
    code: STREAM_LOST,
    message: `The connection to the reply was lost${detail}. What arrived is kept.`,
  }
}

async function readText(
  response: Response,
  signal: AbortSignal | undefined,
  onText: (text: string) => void,
): Promise<void> {
  if (!response.body) {
    onText(await response.text())
    return
  }
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  const cancel = () => void reader.cancel().catch(() => undefined)
  signal?.addEventListener('abort', cancel)
  try {
    for (;;) {
      if (signal?.aborted) break
      const { done, value } = await reader.read()
      if (done) break
      onText(decoder.decode(value, { stream: true }))
    }
    onText(decoder.decode())
  } finally {
    signal?.removeEventListener('abort', cancel)
  }
}

function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || (error instanceof DOMException && error.name === 'AbortError')
}

function isNetwork(error: unknown): boolean {
  return error instanceof ApiError ? error.status === 0 || error.status >= 500 : true
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done)
  })
}
