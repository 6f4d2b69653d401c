import { ApiError } from '@/services/api/apiError'
import type { ApiPath, AuthResponse, RefreshRequest } from '@/types/api'

export { ApiError } from '@/services/api/apiError'

/** How the client reads and updates the signed-in session; the app backs it with `userStore`. */
export interface Session {
  accessToken(): string | null
  refreshToken(): string | null
  /** A refresh succeeded: keep the new pair (and user). */
  refreshed(auth: AuthResponse): void
  /** The session cannot be renewed: forget it (the router then shows the login page). */
  expired(): void
}

export interface HttpClientOptions {
  session: Session
  /** Prefix for every path; empty for the same origin. */
  baseUrl?: string
  /** The fetch to use; tests inject a fake. */
  fetch?: typeof fetch
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface RequestOptions {
  /** Values for `{name}` placeholders in the path. */
  params?: Record<string, string>
  query?: Record<string, string | number | undefined>
  body?: unknown
  /** Send the access token and renew it on 401 (default true). */
  auth?: boolean
  signal?: AbortSignal
  /** Extra request headers (`Accept`, `Last-Event-ID`). */
  headers?: Record<string, string>
}

const REFRESH_PATH = '/api/v1/auth/refresh' satisfies ApiPath

/**
 * A fetch wrapper for the BharatBuild API: JSON in and out, the Bearer token on every call,
 * problem+json failures thrown as {@link ApiError}. On a 401 it renews the access token once
 * with the refresh token and repeats the call; concurrent 401s share that one renewal, since the
 * server rotates refresh tokens and treats a reused one as theft.
 */
export class HttpClient {
  readonly #session: Session
  readonly #baseUrl: string
  readonly #fetch: typeof fetch
  #refreshing: Promise<boolean> | null = null

  constructor(options: HttpClientOptions) {
    this.#session = options.session
    this.#baseUrl = options.baseUrl ?? ''
    const injected = options.fetch
    this.#fetch = injected ?? ((input, init) => globalThis.fetch(input, init))
  }

  get<T>(path: ApiPath, options?: Omit<RequestOptions, 'body'>): Promise<T> {
    return this.request<T>('GET', path, options)
  }

  post<T>(path: ApiPath, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, options)
  }

  put<T>(path: ApiPath, options?: RequestOptions): Promise<T> {
    return this.request<T>('PUT', path, options)
  }

  delete<T = void>(path: ApiPath, options?: Omit<RequestOptions, 'body'>): Promise<T> {
    return this.request<T>('DELETE', path, options)
  }

  async request<T>(method: Method, path: ApiPath, options: RequestOptions = {}): Promise<T> {
    const response = await this.open(method, path, options)
    return (await readBody(response)) as T
  }

  /**
   * Sends the call with the same token handling as {@link request} (a 401 renews the token once)
   * and returns the successful response unread, for bodies read as a stream (event streams).
   */
  async open(method: Method, path: ApiPath, options: RequestOptions = {}): Promise<Response> {
    const url = this.#url(path, options)
    const auth = options.auth ?? true
    const sentToken = auth ? this.#session.accessToken() : null
    let response = await this.#send(method, url, options, sentToken)

    if (response.status === 401 && auth && (sentToken || this.#session.refreshToken())) {
      const current = this.#session.accessToken()
      // Another call may have renewed the token while this one was under way.
      const renewed = current && current !== sentToken ? true : await this.#refreshOnce()
      if (!renewed) throw await ApiError.fromResponse(response)
      response = await this.#send(method, url, options, this.#session.accessToken())
      if (response.status === 401) this.#session.expired()
    }

    if (!response.ok) throw await ApiError.fromResponse(response)
    return response
  }

  /** Renews the access token; every caller waiting at the same time gets the same answer. */
  #refreshOnce(): Promise<boolean> {
    this.#refreshing ??= this.#refresh().finally(() => {
      this.#refreshing = null
    })
    return this.#refreshing
  }

  async #refresh(): Promise<boolean> {
    const refreshToken = this.#session.refreshToken()
    if (!refreshToken) {
      this.#session.expired()
      return false
    }
    const body: RefreshRequest = { refreshToken }
    const response = await this.#send('POST', this.#baseUrl + REFRESH_PATH, { body }, null)
    if (response.ok) {
      this.#session.refreshed((await response.json()) as AuthResponse)
      return true
    }
    // A refused token (rotated, revoked, expired) ends the session; a busy or broken server
    // does not, but the call still fails.
    if (response.status >= 400 && response.status < 500 && response.status !== 429) {
      this.#session.expired()
      return false
    }
    throw await ApiError.fromResponse(response)
  }

  async #send(
    method: Method,
    url: string,
    options: RequestOptions,
    token: string | null,
  ): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
    }
    const form = typeof FormData !== 'undefined' && options.body instanceof FormData
    // a form sets its own multipart content type, boundary included
    if (options.body !== undefined && !form) headers['Content-Type'] = 'application/json'
    Object.assign(headers, options.headers)
    if (token) headers.Authorization = `Bearer ${token}`
    try {
      return await this.#fetch(url, {
        method,
        headers,
        body:
          options.body === undefined
            ? undefined
            : form
              ? (options.body as FormData)
              : JSON.stringify(options.body),
        signal: options.signal,
      })
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error
      throw ApiError.network(error)
    }
  }

  #url(path: ApiPath, options: RequestOptions): string {
    const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = options.params?.[name]
      if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${path}`)
      return encodeURIComponent(value)
    })
    const query = new URLSearchParams()
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) query.set(key, String(value))
    }
    const search = query.toString()
    return `${this.#baseUrl}${filled}${search ? `?${search}` : ''}`
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined
  const text = await response.text()
  if (text === '') return undefined
  const contentType = response.headers.get('content-type') ?? ''
  // a text/plain body (a run's log) may well start with a bracket
  const json = contentType.includes('json') || (contentType === '' && /^[[{"]/.test(text))
  return json ? JSON.parse(text) : text
}
