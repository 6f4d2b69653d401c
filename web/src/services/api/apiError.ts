import type { FieldError, Problem } from '@/types/api'

/**
 * A failed API call: the server's problem+json, typed. `status` 0 means the server could not be
 * reached at all.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly status: number
  readonly title: string
  readonly detail: string | undefined
  /** The problem `type` URI, such as `urn:bharatbuild:problem:version-conflict`. */
  readonly type: string | undefined
  /** The stable short code, such as `version-conflict`, when the server sends one. */
  readonly code: string | undefined
  /** Validation messages by field name (`email`, `techStack`, …); the first message wins. */
  readonly fieldErrors: Readonly<Record<string, string>>
  readonly requestId: string | undefined
  /** The whole problem document, for extensions such as `currentVersion`. */
  readonly problem: Readonly<Problem>

  constructor(status: number, problem: Problem, fallbackTitle?: string) {
    const title = nonEmpty(problem.title) ?? nonEmpty(fallbackTitle) ?? `HTTP ${status}`
    const detail = nonEmpty(problem.detail)
    super(detail ?? title)
    this.status = status
    this.title = title
    this.detail = detail
    this.type = nonEmpty(problem.type)
    this.code = nonEmpty(problem.code)
    this.requestId = nonEmpty(problem.requestId)
    this.fieldErrors = toFieldMap(problem.errors)
    this.problem = problem
  }

  /** Reads a failed response; tolerates bodies that are not problem+json (a proxy's HTML page). */
  static async fromResponse(response: Response): Promise<ApiError> {
    let problem: Problem = {}
    const contentType = response.headers.get('content-type') ?? ''
    if (contentType.includes('json')) {
      try {
        const parsed: unknown = await response.json()
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
          problem = parsed as Problem
        }
      } catch {
        // an unreadable body still gives a status and a title
      }
    }
    return new ApiError(response.status, problem, response.statusText)
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(0, {
      title: 'Network error',
      detail: 'The server could not be reached. Check your connection and try again.',
    })
    Object.defineProperty(error, 'cause', { value: cause })
    return error
  }

  get hasFieldErrors(): boolean {
    return Object.keys(this.fieldErrors).length > 0
  }
}

/** A sentence to show for any error thrown by the client or the app. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail ?? error.title
  if (error instanceof Error && error.message) return error.message
  return 'Something went wrong.'
}

function toFieldMap(errors: unknown): Record<string, string> {
  const map: Record<string, string> = {}
  if (!Array.isArray(errors)) return map
  for (const entry of errors as Partial<FieldError>[]) {
    if (!entry || typeof entry.field !== 'string' || typeof entry.message !== 'string') continue
    map[entry.field] ??= entry.message
    // `techStack[0]` or `user.email` also counts for the form field it belongs to
    const root = entry.field.split(/[[.]/, 1)[0]
    if (root) map[root] ??= entry.message
  }
  return map
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

/** What a form shows for an error: messages beside its own fields, the rest in one alert. */
export interface FormErrors {
  fields: Record<string, string>
  alert: string | null
}

/**
 * Splits an error between a form's fields and its alert. Validation messages for `fields` go
 * beside them; anything else (other fields, a 409, a network failure) becomes the alert.
 */
export function splitFormErrors(error: unknown, fields: readonly string[]): FormErrors {
  if (error === null || error === undefined) return { fields: {}, alert: null }
  if (!(error instanceof ApiError) || !error.hasFieldErrors) {
    return { fields: {}, alert: errorMessage(error) }
  }
  const known: Record<string, string> = {}
  const other: string[] = []
  for (const [field, message] of Object.entries(error.fieldErrors)) {
    if (fields.includes(field)) known[field] = message
    // a nested name (`techStack[0]`) is also listed under its root name, so report roots only
    else if (field === field.split(/[[.]/, 1)[0]) other.push(`${field}: ${message}`)
  }
  const alert =
    other.length > 0 ? other.join('; ') : Object.keys(known).length > 0 ? null : error.message
  return { fields: known, alert }
}
