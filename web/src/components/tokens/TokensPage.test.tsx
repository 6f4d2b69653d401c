import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TokensPage } from '@/components/tokens/TokensPage'
import { installFakeFetch, jsonResponse, problemResponse } from '@/test/fakeServer'

const entry = (id: string, operationType: string, amount: number, note: string | null = null) => ({
  id,
  operationType,
  tokensUsed: Math.abs(amount),
  amount,
  reference: id,
  note,
  createdAt: '2026-11-28T10:00:00Z',
  messageId: null,
  projectId: null,
})

const BALANCE = { balance: 50000, totalPurchased: 0, totalUsed: 0, available: 50000 }
const PACKAGES = [
  { id: 'starter-inr', name: 'Starter', tokens: 500000, price: 499.0, currency: 'INR' },
  { id: 'starter-usd', name: 'Starter', tokens: 500000, price: 6.0, currency: 'USD' },
]
const packagesRoute = (url: URL) =>
  url.pathname === '/api/v1/tokens/packages' ? jsonResponse(200, PACKAGES) : undefined
const PLANS = [
  {
    id: 'pro-inr',
    name: 'Pro',
    description: '3M a month',
    tokens: 3000000,
    price: 999.0,
    currency: 'INR',
    periodDays: 30,
    features: [],
  },
]
/** Plans, and no subscription yet, unless a test answers these itself. */
const subscriptionRoutes = (url: URL) => {
  if (url.pathname === '/api/v1/tokens/plans') return jsonResponse(200, PLANS)
  if (url.pathname === '/api/v1/tokens/subscription') {
    return problemResponse(404, { title: 'No subscription', code: 'no-subscription' })
  }
  return undefined
}

function renderPage() {
  render(
    <MemoryRouter>
      <TokensPage />
    </MemoryRouter>,
  )
}

afterEach(() => vi.unstubAllGlobals())

describe('TokensPage', () => {
  it('shows the balance and the history, filtered by kind', async () => {
    const calls = installFakeFetch(({ url }) => {
      if (url.pathname === '/api/v1/tokens/packages') return packagesRoute(url)
      if (
        url.pathname.startsWith('/api/v1/tokens/plans') ||
        url.pathname === '/api/v1/tokens/subscription'
      )
        return subscriptionRoutes(url)
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
            : [
                entry('a', 'adjustment', -300, 'duplicate credit'),
                entry('u', 'ai_usage', -1234),
                entry('g', 'grant', 50000),
              ]
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
    // an adjustment's sign comes from its amount, and its reason is shown
    expect(screen.getByText('−300')).toBeInTheDocument()
    expect(screen.getByText(/duplicate credit/)).toBeInTheDocument()

    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'grant')

    await screen.findByText('Grant')
    expect(screen.queryByText('−1,234')).not.toBeInTheDocument()
    expect(calls.some((call) => call.path.includes('kind=grant'))).toBe(true)
  })

  it('shows loading, then an empty history', async () => {
    installFakeFetch(({ url }) => {
      if (url.pathname === '/api/v1/tokens/packages') return packagesRoute(url)
      if (
        url.pathname.startsWith('/api/v1/tokens/plans') ||
        url.pathname === '/api/v1/tokens/subscription'
      )
        return subscriptionRoutes(url)
      if (url.pathname === '/api/v1/tokens/balance') return jsonResponse(200, BALANCE)
      if (url.pathname === '/api/v1/tokens/history')
        return jsonResponse(200, { items: [], page: 0, size: 20, total: 0 })
      return undefined
    })
    renderPage()
    expect(screen.getByText('Loading the history')).toBeInTheDocument()
    expect(await screen.findByText('Nothing here yet.')).toBeInTheDocument()
    expect(screen.getByTestId('tokens-available')).toHaveTextContent('50,000')
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('shows an error with a retry', async () => {
    let fail = true
    installFakeFetch(({ url }) => {
      if (url.pathname === '/api/v1/tokens/packages') return packagesRoute(url)
      if (
        url.pathname.startsWith('/api/v1/tokens/plans') ||
        url.pathname === '/api/v1/tokens/subscription'
      )
        return subscriptionRoutes(url)
      if (url.pathname === '/api/v1/tokens/balance') return jsonResponse(200, BALANCE)
      if (url.pathname === '/api/v1/tokens/history') {
        if (fail) return problemResponse(500, { title: 'Server error', detail: 'Database down' })
        return jsonResponse(200, {
          items: [entry('g', 'grant', 50000)],
          page: 0,
          size: 20,
          total: 1,
        })
      }
      return undefined
    })
    renderPage()
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not load the history')
    fail = false
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('+50,000')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('pages through a long history', async () => {
    const calls = installFakeFetch(({ url }) => {
      if (url.pathname === '/api/v1/tokens/packages') return packagesRoute(url)
      if (
        url.pathname.startsWith('/api/v1/tokens/plans') ||
        url.pathname === '/api/v1/tokens/subscription'
      )
        return subscriptionRoutes(url)
      if (url.pathname === '/api/v1/tokens/balance') return jsonResponse(200, BALANCE)
      if (url.pathname === '/api/v1/tokens/history') {
        const page = Number(url.searchParams.get('page'))
        const items = [entry(`e${page}`, 'ai_usage', -(100 + page))]
        return jsonResponse(200, { items, page, size: 20, total: 45 })
      }
      return undefined
    })
    renderPage()
    expect(await screen.findByText('Page 1 of 3')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Newer' })).toBeDisabled()
    await userEvent.click(screen.getByRole('button', { name: 'Older' }))
    expect(await screen.findByText('Page 2 of 3')).toBeInTheDocument()
    expect(await screen.findByText('−101')).toBeInTheDocument()
    expect(
      calls.some((call) => call.path.includes('page=1') && call.path.includes('size=20')),
    ).toBe(true)
  })

  it('buys a package in the chosen currency and shows the credit', async () => {
    let credited = false
    const calls = installFakeFetch(({ url, method }) => {
      if (url.pathname === '/api/v1/tokens/packages') return packagesRoute(url)
      if (
        url.pathname.startsWith('/api/v1/tokens/plans') ||
        url.pathname === '/api/v1/tokens/subscription'
      )
        return subscriptionRoutes(url)
      if (url.pathname === '/api/v1/tokens/balance') {
        return jsonResponse(
          200,
          credited ? { ...BALANCE, balance: 550000, available: 550000 } : BALANCE,
        )
      }
      if (url.pathname === '/api/v1/tokens/history') {
        return jsonResponse(200, { items: [], page: 0, size: 20, total: 0 })
      }
      if (url.pathname === '/api/v1/tokens/purchase' && method === 'POST') {
        credited = true
        return jsonResponse(201, {
          id: 'o1',
          packageId: 'starter-usd',
          tokens: 500000,
          amount: 6.0,
          currency: 'USD',
          status: 'credited',
          gateway: 'manual',
          checkoutUrl: null,
          createdAt: '2026-11-28T10:00:00Z',
          razorpay: null,
        })
      }
      return undefined
    })
    renderPage()

    expect(await screen.findByText('₹499.00')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'USD' }))
    await userEvent.click(screen.getByRole('button', { name: 'Buy Starter' }))

    expect(await screen.findByText('Added 500,000 tokens')).toBeInTheDocument()
    expect(calls.some((call) => call.path === '/api/v1/tokens/purchase')).toBe(true)
    expect(
      await screen.findByText('550,000', { selector: '[data-testid="tokens-available"]' }),
    ).toBeInTheDocument()
  })

  it('subscribes to a plan and shows when it renews, then cancels it', async () => {
    let subscribed: Record<string, unknown> | null = null
    installFakeFetch(({ url, method }) => {
      if (url.pathname === '/api/v1/tokens/packages') return packagesRoute(url)
      if (url.pathname === '/api/v1/tokens/plans') return jsonResponse(200, PLANS)
      if (url.pathname === '/api/v1/tokens/subscription') {
        const base = {
          id: 's1',
          planId: 'pro-inr',
          name: 'Pro',
          tokens: 3000000,
          status: 'active',
          currentPeriodStart: '2026-11-28T10:00:00Z',
          currentPeriodEnd: '2026-12-28T10:00:00Z',
        }
        if (method === 'POST') subscribed = { ...base, autoRenew: true }
        if (method === 'DELETE') subscribed = { ...base, autoRenew: false }
        return subscribed
          ? jsonResponse(method === 'POST' ? 201 : 200, subscribed)
          : problemResponse(404, { title: 'No subscription', code: 'no-subscription' })
      }
      if (url.pathname === '/api/v1/tokens/balance') return jsonResponse(200, BALANCE)
      if (url.pathname === '/api/v1/tokens/history') {
        return jsonResponse(200, { items: [], page: 0, size: 20, total: 0 })
      }
      return undefined
    })
    renderPage()

    await userEvent.click(await screen.findByRole('button', { name: 'Subscribe INR' }))
    expect(
      await screen.findByText(/Pro: 3,000,000 tokens every period\. Renews on/),
    ).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Cancel subscription' }))
    expect(await screen.findByText(/Cancelled: runs until/)).toBeInTheDocument()
  })
})
