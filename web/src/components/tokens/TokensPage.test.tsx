import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import { TokensPage } from '@/components/tokens/TokensPage'
import { installFakeFetch, jsonResponse } from '@/test/fakeServer'

const entry = (id: string, operationType: string, tokensUsed: number) => ({
  id,
  operationType,
  tokensUsed,
  createdAt: '2026-11-28T10:00:00Z',
  messageId: null,
  projectId: null,
})

describe('TokensPage', () => {
  it('shows the balance and the history, filtered by kind', async () => {
    const calls = installFakeFetch(({ url }) => {
      if (url.pathname === '/api/v1/tokens/balance') {
        return jsonResponse(200, {
          balance: 48766,
          totalPurchased: 0,
          totalUsed: 1234,
          available: 48766,
        })
      }
      if (url.pathname === '/api/v1/tokens/history') {
        const kind = url.searchParams.get('kind')
        const items =
          kind === 'grant'
            ? [entry('g', 'grant', 50000)]
            : [entry('u', 'ai_usage', 1234), entry('g', 'grant', 50000)]
        return jsonResponse(200, { items, page: 0, size: 20, total: items.length })
      }
      return undefined
    })

    render(
      <MemoryRouter>
        <TokensPage />
      </MemoryRouter>,
    )

    expect(await screen.findByTestId('tokens-available')).toHaveTextContent('48,766')
    expect(await screen.findByText('−1,234')).toBeInTheDocument()
    expect(screen.getByText('+50,000')).toBeInTheDocument()

    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'grant')

    await screen.findByText('Grant')
    expect(screen.queryByText('−1,234')).not.toBeInTheDocument()
    expect(calls.some((call) => call.path.includes('kind=grant'))).toBe(true)
  })
})
