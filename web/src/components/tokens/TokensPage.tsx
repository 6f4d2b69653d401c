import { useEffect, useState } from 'react'
import { Alert } from '@/components/common/Alert'
import { BuyTokens } from '@/components/tokens/BuyTokens'
import { SubscriptionPanel } from '@/components/tokens/SubscriptionPanel'
import { formatTokens } from '@/components/tokens/format'
import { Button } from '@/components/common/Button'
import { Spinner } from '@/components/common/Spinner'
import { useDocumentTitle } from '@/hooks/useDocumentTitle'
import { useTokenBalance } from '@/hooks/useTokenBalance'
import { errorMessage } from '@/services/api/apiError'
import { tokenService, type HistoryKind } from '@/services/api/tokenService'
import type { HistoryPage } from '@/types/api'

const PAGE_SIZE = 20
const KINDS: { value: '' | HistoryKind; label: string }[] = [
  { value: '', label: 'Everything' },
  { value: 'ai_usage', label: 'AI use' },
  { value: 'grant', label: 'Grants' },
  { value: 'purchase', label: 'Purchases' },
  { value: 'refund', label: 'Refunds' },
]
const LABELS: Record<string, string> = {
  ai_usage: 'AI use',
  grant: 'Grant',
  purchase: 'Purchase',
  subscription: 'Subscription',
  refund: 'Refund',
  adjustment: 'Adjustment',
}

/** The wallet: what is left, what was used, and every movement, newest first. */
export function TokensPage() {
  useDocumentTitle('Tokens')
  const { balance, error: balanceError } = useTokenBalance()
  const [kind, setKind] = useState<'' | HistoryKind>('')
  const [page, setPage] = useState(0)
  const [history, setHistory] = useState<HistoryPage | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const controller = new AbortController()
    setError(null)
    setLoading(true)
    tokenService
      .history({ page, size: PAGE_SIZE, kind: kind || undefined }, controller.signal)
      .then(setHistory)
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(caught))
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false)
      })
    return () => controller.abort()
  }, [kind, page, attempt])

  const pages = history ? Math.max(1, Math.ceil(history.total / PAGE_SIZE)) : 1

  return (
    <main className="page">
      <h1 className="page__title">Tokens</h1>
      {balanceError !== null && (
        <Alert title="Could not load the balance">{errorMessage(balanceError)}</Alert>
      )}
      <dl className="tokens__summary" aria-label="Balance">
        <div>
          <dt>Available</dt>
          <dd data-testid="tokens-available">{balance ? formatTokens(balance.available) : '…'}</dd>
        </div>
        <div>
          <dt>Balance</dt>
          <dd>{balance ? formatTokens(balance.balance) : '…'}</dd>
        </div>
        <div>
          <dt>Used so far</dt>
          <dd>{balance ? formatTokens(balance.totalUsed) : '…'}</dd>
        </div>
      </dl>
      <BuyTokens onPurchased={() => setAttempt((n) => n + 1)} />
      <SubscriptionPanel onChanged={() => setAttempt((n) => n + 1)} />
      <div className="tokens__filters">
        <label className="field">
          <span className="field__label">Show</span>
          <select
            aria-label="Kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as '' | HistoryKind)
              setPage(0)
            }}
          >
            {KINDS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <Alert
          title="Could not load the history"
          actions={
            <Button size="small" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </Button>
          }
        >
          {error}
        </Alert>
      )}
      {loading && !history && !error && <Spinner label="Loading the history" />}
      {!error && history && history.items.length === 0 && (
        <p className="tokens__state">
          {kind ? 'No entries of this kind yet.' : 'Nothing here yet.'}
        </p>
      )}
      {!error && history && history.items.length > 0 && (
        <table className="tokens__table" aria-label="Token history" aria-busy={loading}>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Tokens</th>
            </tr>
          </thead>
          <tbody>
            {history.items.map((entry) => (
              <tr key={entry.id}>
                <td>{new Date(entry.createdAt).toLocaleString()}</td>
                <td>
                  {LABELS[entry.operationType] ?? entry.operationType}
                  {entry.note && <span className="tokens__note"> — {entry.note}</span>}
                </td>
                <td className="tokens__amount">
                  {entry.amount < 0 ? '−' : '+'}
                  {formatTokens(entry.tokensUsed)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {history && pages > 1 && (
        <div className="tokens__pages">
          <Button size="small" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
            Newer
          </Button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <Button size="small" disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>
            Older
          </Button>
        </div>
      )}
    </main>
  )
}
