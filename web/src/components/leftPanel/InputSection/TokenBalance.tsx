import { Link } from 'react-router'
import { useTokenBalance } from '@/hooks/useTokenBalance'
import { formatTokens } from '@/components/tokens/format'

/** The wallet's available tokens, live; warns when low. */
export function TokenBalance() {
  const { available, low } = useTokenBalance()
  return (
    <div
      className={`token-balance${low ? ' token-balance--low' : ''}`}
      role="status"
      aria-label="Token balance"
    >
      <span className="token-balance__value" data-testid="token-balance">
        {available === null ? '…' : formatTokens(available)}
      </span>{' '}
      tokens
      {low && <span className="token-balance__warning"> · Low balance — buy more tokens</span>}{' '}
      <Link to="/tokens" className="token-balance__link">
        History
      </Link>
    </div>
  )
}
