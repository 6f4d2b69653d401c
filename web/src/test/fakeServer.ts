import { vi } from 'vitest'

type Handler = (request: {
  method: string
  url: URL
  body: unknown
  token: string | null
}) => Response | undefined

export function jsonResponse(
  status: number,
  body?: unknown,
  contentType = 'application/json',
): Response {
  if (body === undefined) return new Response(null, { status })
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } })
}

export function problemResponse(status: number, body: Record<string, unknown>): Response {
  return jsonResponse(status, { status, ...body }, 'application/problem+json')
}

/**
 * Replaces the global fetch with `handler` (the unit boundary of the client); unhandled calls
 * answer 404. Returns the recorded calls.
 */
export function installFakeFetch(handler: Handler) {
  const calls: { method: string; path: string; body: unknown }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost')
      const method = init?.method ?? 'GET'
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined
      const auth = new Headers(init?.headers).get('Authorization')
      calls.push({ method, path: url.pathname + url.search, body })
      return (
        handler({ method, url, body, token: auth?.replace(/^Bearer /, '') ?? null }) ??
        problemResponse(404, { title: 'Not found' })
      )
    }),
  )
  return calls
}
