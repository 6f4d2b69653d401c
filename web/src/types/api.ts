/**
 * The API's types, taken from the server's OpenAPI document (`openapi.json` →
 * `api.generated.ts`, regenerated on every build). Code imports these names, never the
 * generated file's internals, so a regenerated document needs fixes here only.
 */
import type { components, paths } from '@/types/api.generated'

export type { paths }
export type Schemas = components['schemas']

/**
 * The server always writes every property of a view (Jackson inclusion `always`); the schema
 * marks the nullable ones optional. `Present` makes every property present and lets the listed
 * keys be `null`, which is what arrives.
 */
export type Present<T, Nullable extends keyof T = never> = {
  [K in keyof T]-?: K extends Nullable ? Exclude<T[K], undefined> | null : Exclude<T[K], undefined>
}

export type User = Present<Schemas['UserView'], 'name'>
export type AuthResponse = Omit<Present<Schemas['AuthResponse']>, 'user'> & { user: User }
export type Project = Present<Schemas['ProjectView'], 'description' | 'type'>
export type FileSummary = Present<Schemas['FileSummary']>
export type FileView = Present<Schemas['FileView']>

export type RegisterRequest = Schemas['RegisterRequest']
export type LoginRequest = Schemas['LoginRequest']
export type RefreshRequest = Schemas['RefreshRequest']
export type LogoutRequest = Schemas['LogoutRequest']
export type ProjectRequest = Schemas['ProjectRequest']
export type CreateFileRequest = Schemas['CreateFileRequest']
export type WriteFileRequest = Schemas['WriteFileRequest']

/** One entry of a validation problem's `errors` list. */
export interface FieldError {
  field: string
  message: string
}

/**
 * An RFC 9457 problem as the server writes it (`application/problem+json`): the standard members
 * plus `errors` (validation), `code` (a stable name such as `version-conflict`), `requestId` and
 * any other extension (`currentVersion` on a version conflict). Every member may be absent.
 */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  errors?: FieldError[]
  code?: string
  requestId?: string
  [extension: string]: unknown
}

/** A path of the API, checked against the OpenAPI document. */
export type ApiPath = keyof paths

export type OperationView = Present<Schemas['OperationView'], 'to' | 'patch' | 'error'>
export type MessageView = Omit<Present<Schemas['MessageView'], 'replyTo'>, 'operations'> & {
  operations: OperationView[]
}
export type ModelInfo = Present<Schemas['ModelInfo']>
export type BalanceView = Present<Schemas['BalanceView']>
export type ChatRequest = Schemas['ChatRequest']
export type ChatMode = NonNullable<ChatRequest['mode']>

export type RevertResult = Schemas['RevertResult']

export type RunView = Present<Schemas['RunView'], 'exitCode' | 'endedAt'>
export type RunRequest = Schemas['RunRequest']
/** A problem found in a run's output (tsc, ESLint, javac, a traceback…). */
export type BuildProblem = Present<Schemas['Problem']>
export type TicketView = Present<Schemas['TicketView']>
export type PreviewView = Present<Schemas['PreviewView']>
export type TemplateView = Present<Schemas['TemplateView']>
export type CommitView = Present<Schemas['CommitView'], 'messageId'>
export type PushRequest = Schemas['PushRequest']
export type PushView = Present<Schemas['PushView']>
export type HistoryEntry = Present<Schemas['HistoryEntry'], 'messageId' | 'projectId' | 'note'>
export type TokenPackage = Present<Schemas['TokenPackage']>
export type PlanView = Present<Schemas['PlanView']>
export type SubscriptionView = Present<Schemas['SubscriptionView'], 'checkoutUrl'>
export type OrderView = Present<Schemas['OrderView'], 'checkoutUrl' | 'razorpay'>
/** What the browser opens Razorpay Checkout with, for an order at Razorpay. */
export type RazorpayCheckout = Present<Schemas['RazorpayCheckout']>
/** Razorpay Checkout's handler response, passed on to confirm the payment. */
export type RazorpayPayment = Schemas['RazorpayPayment']
export type HistoryPage = Omit<Present<Schemas['HistoryPage']>, 'items'> & { items: HistoryEntry[] }
