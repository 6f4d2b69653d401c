import { describe, expect, it, vi } from 'vitest'
import { ApiError, HttpClient } from '@/services/api/httpClient'
import type { Session } from '@/services/api/httpClient'
import type { AuthResponse } from '@/types/api'

/** A session kept in memory, recording what the client did with it. */
function memorySession(access: string | null = 'access-1', refresh: string | null = 'refresh-1') {
  const state = { access, refresh, expired: 0, refreshed: 0 }
  const session: Session = {
    accessToken: () => state.access,
    refreshToken: () => state.refresh,
    refreshed: (auth) => {
      state.refreshed++
      state.access = auth.accessToken
      state.refresh = auth.refreshToken
    },
    expired: () => {
      state.expired++
      state.access = null
      state.refresh = null
    },
  }
  return { state, session }
}

function json(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } })
}

function problem(status: number, body: Record<string, unknown>): Response {
  return json(status, { status, ...body }, 'application/problem+json')
}

function authResponse(n: number): AuthResponse {
  return {
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    expiresIn: 900,
    user: {
      id: 'u1',
      email: 'a@b.co',
      name: null,
      role: 'user',
      createdAt: '2026-01-01T00:00:00Z',
    },
  }
}

interface Call {
  method: string
  url: string
  authorization: string | null
  body: unknown
}

/**
 * A fake server: `handler` answers each call; every call is recorded. Protected paths answer
 * 401 unless the token is `valid`.
 */
function fakeFetch(handler: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = []
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers)
    const call: Call = {
      method: init?.method ?? 'GET',
      url: String(input),
      authorization: headers.get('Authorization'),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    }
    calls.push(call)
    return handler(call)
  })
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls }
}

const unauthorized = () =>
  problem(401, { title: 'Unauthorized', detail: 'A valid access token is required' })

describe('HttpClient', () => {
  it('sends JSON with the Bearer token and returns the parsed body', async () => {
    const { session } = memorySession()
    const { fetch, calls } = fakeFetch(() => json(201, { id: 'p1', name: 'Demo' }))
    const client = new HttpClient({ session, fetch, baseUrl: 'http://server' })

    const result = await client.post<{ id: string }>('/api/v1/projects', { body: { name: 'Demo' } })

    expect(result).toEqual({ id: 'p1', name: 'Demo' })
    expect(calls).toEqual([
      {
        method: 'POST',
        url: 'http://server/api/v1/projects',
        authorization: 'Bearer access-1',
        body: { name: 'Demo' },
      },
    ])
  })

  it('fills path parameters and the query, and leaves out the token when auth is false', async () => {
    const { session } = memorySession()
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 204 }))
    const client = new HttpClient({ session, fetch })

    const result = await client.delete('/api/v1/projects/{projectId}/files', {
      params: { projectId: 'a b' },
      query: { path: 'src/a&b.ts', absent: undefined },
    })
    await client.post('/api/v1/auth/login', { body: { email: 'x', password: 'y' }, auth: false })

    expect(result).toBeUndefined()
    expect(calls[0]?.url).toBe('/api/v1/projects/a%20b/files?path=src%2Fa%26b.ts')
    expect(calls[1]?.authorization).toBeNull()
  })

  it('turns problem+json into an ApiError with field errors', async () => {
    const { session } = memorySession()
    const { fetch } = fakeFetch(() =>
      problem(400, {
        title: 'Validation failed',
        detail: 'email: must be a well-formed email address',
        instance: '/api/v1/auth/register',
        requestId: 'req-1',
        errors: [
          { field: 'email', message: 'must be a well-formed email address' },
          { field: 'password', message: 'must be between 8 and 256 characters long' },
          { field: 'techStack[2]', message: 'must not be blank' },
        ],
      }),
    )
    const client = new HttpClient({ session, fetch })

    const error = await client
      .post('/api/v1/auth/register', { body: {}, auth: false })
      .catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    const apiError = error as ApiError
    expect(apiError.status).toBe(400)
    expect(apiError.title).toBe('Validation failed')
    expect(apiError.detail).toBe('email: must be a well-formed email address')
    expect(apiError.message).toBe(apiError.detail)
    expect(apiError.requestId).toBe('req-1')
    expect(apiError.fieldErrors).toEqual({
      email: 'must be a well-formed email address',
      password: 'must be between 8 and 256 characters long',
      'techStack[2]': 'must not be blank',
      techStack: 'must not be blank',
    })
  })

  it('keeps problem extensions such as the current version of a conflict', async () => {
    const { session } = memorySession()
    const { fetch } = fakeFetch(() =>
      problem(409, {
        title: 'Version conflict',
        type: 'urn:bharatbuild:problem:version-conflict',
        code: 'version-conflict',
        currentVersion: 3,
      }),
    )
    const client = new HttpClient({ session, fetch })

    const error = (await client
      .put('/api/v1/projects/{projectId}/files', {
        params: { projectId: 'p' },
        body: {},
      })
      .catch((e: unknown) => e)) as ApiError

    expect(error.status).toBe(409)
    expect(error.code).toBe('version-conflict')
    expect(error.type).toBe('urn:bharatbuild:problem:version-conflict')
    expect(error.problem.currentVersion).toBe(3)
    expect(error.hasFieldErrors).toBe(false)
  })

  it('gives a status and title for an error that is not problem+json', async () => {
    const { session } = memorySession()
    const { fetch } = fakeFetch(
      () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    )
    const client = new HttpClient({ session, fetch })

    const error = (await client.get('/api/v1/projects').catch((e: unknown) => e)) as ApiError

    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(502)
    expect(error.title).toBe('Bad Gateway')
    expect(error.detail).toBeUndefined()
  })

  it('reports an unreachable server as a network ApiError with status 0', async () => {
    const { session } = memorySession()
    const client = new HttpClient({
      session,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    })

    const error = (await client.get('/api/v1/projects').catch((e: unknown) => e)) as ApiError

    expect(error.status).toBe(0)
    expect(error.title).toBe('Network error')
  })

  it('renews an expired access token once and repeats the call', async () => {
    const { state, session } = memorySession('stale', 'refresh-1')
    const { fetch, calls } = fakeFetch(({ url, authorization, body }) => {
      if (url.endsWith('/auth/refresh')) {
        expect(body).toEqual({ refreshToken: 'refresh-1' })
        return json(200, authResponse(2))
      }
      return authorization === 'Bearer access-2' ? json(200, []) : unauthorized()
    })
    const client = new HttpClient({ session, fetch })

    await expect(client.get('/api/v1/projects')).resolves.toEqual([])

    expect(calls.map((c) => `${c.method} ${c.url} ${c.authorization}`)).toEqual([
      'GET /api/v1/projects Bearer stale',
      'POST /api/v1/auth/refresh null',
      'GET /api/v1/projects Bearer access-2',
    ])
    expect(state).toMatchObject({
      access: 'access-2',
      refresh: 'refresh-2',
      refreshed: 1,
      expired: 0,
    })
  })

  it('shares one refresh among concurrent 401s (single flight)', async () => {
    const { state, session } = memorySession('stale', 'refresh-1')
    let releaseRefresh: () => void = () => {}
    const refreshGate = new Promise<void>((resolve) => (releaseRefresh = resolve))
    const { fetch, calls } = fakeFetch(async ({ url, authorization }) => {
      if (url.endsWith('/auth/refresh')) {
        await refreshGate
        return json(200, authResponse(2))
      }
      return authorization === 'Bearer access-2' ? json(200, { url }) : unauthorized()
    })
    const client = new HttpClient({ session, fetch })

    const results = Promise.all([
      client.get('/api/v1/projects'),
      client.get('/api/v1/projects/{id}', { params: { id: '1' } }),
      client.get('/api/v1/auth/me'),
    ])
    await vi.waitFor(() => expect(calls.filter((c) => c.url.endsWith('/refresh'))).toHaveLength(1))
    releaseRefresh()

    expect(await results).toEqual([
      { url: '/api/v1/projects' },
      { url: '/api/v1/projects/1' },
      { url: '/api/v1/auth/me' },
    ])
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1)
    expect(state.refreshed).toBe(1)

    // a later expiry starts a new refresh rather than reusing the finished one
    state.access = 'stale-again'
    const { fetch: fetch2 } = fakeFetch(({ url, authorization }) =>
      url.endsWith('/refresh')
        ? json(200, authResponse(3))
        : authorization === 'Bearer access-3'
          ? json(200, 'ok')
          : unauthorized(),
    )
    const client2 = new HttpClient({ session, fetch: fetch2 })
    await expect(client2.get('/api/v1/auth/me')).resolves.toBe('ok')
    expect(state.refreshed).toBe(2)
  })

  it('does not refresh again when another call already renewed the token', async () => {
    const { state, session } = memorySession('stale', 'refresh-1')
    const { fetch, calls } = fakeFetch(({ authorization }) => {
      if (authorization === 'Bearer stale') {
        // while this call was in flight, another one renewed the pair
        state.access = 'fresh'
        state.refresh = 'refresh-2'
        return unauthorized()
      }
      return json(200, 'ok')
    })
    const client = new HttpClient({ session, fetch })

    await expect(client.get('/api/v1/auth/me')).resolves.toBe('ok')
    expect(calls.map((c) => c.authorization)).toEqual(['Bearer stale', 'Bearer fresh'])
  })

  it('ends the session when the refresh token is refused, and every waiting call fails', async () => {
    const { state, session } = memorySession('stale', 'revoked')
    const { fetch, calls } = fakeFetch(({ url }) =>
      url.endsWith('/auth/refresh')
        ? problem(401, { title: 'Invalid refresh token' })
        : unauthorized(),
    )
    const client = new HttpClient({ session, fetch })

    const outcomes = await Promise.allSettled([
      client.get('/api/v1/projects'),
      client.get('/api/v1/auth/me'),
    ])

    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected')
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ status: 401 })
    }
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1)
    expect(state).toMatchObject({ expired: 1, access: null, refresh: null })
  })

  it('keeps the session when the refresh fails for a server error', async () => {
    const { state, session } = memorySession('stale', 'refresh-1')
    const { fetch } = fakeFetch(({ url }) =>
      url.endsWith('/auth/refresh') ? problem(503, { title: 'Unavailable' }) : unauthorized(),
    )
    const client = new HttpClient({ session, fetch })

    await expect(client.get('/api/v1/projects')).rejects.toMatchObject({ status: 503 })
    expect(state).toMatchObject({ expired: 0, refresh: 'refresh-1' })
  })

  it('passes a 401 from login straight through, without refreshing', async () => {
    const { state, session } = memorySession(null, null)
    const { fetch, calls } = fakeFetch(() =>
      problem(401, { title: 'Invalid credentials', detail: 'The email or password is wrong' }),
    )
    const client = new HttpClient({ session, fetch })

    await expect(
      client.post('/api/v1/auth/login', { body: { email: 'a', password: 'b' }, auth: false }),
    ).rejects.toMatchObject({ status: 401, detail: 'The email or password is wrong' })
    expect(calls).toHaveLength(1)
    expect(state.expired).toBe(0)
  })

  it('ends the session when the renewed token is refused too', async () => {
    const { state, session } = memorySession('stale', 'refresh-1')
    const { fetch } = fakeFetch(({ url }) =>
      url.endsWith('/auth/refresh') ? json(200, authResponse(2)) : unauthorized(),
    )
    const client = new HttpClient({ session, fetch })

    await expect(client.get('/api/v1/projects')).rejects.toMatchObject({ status: 401 })
    expect(state.expired).toBe(1)
  })
})
