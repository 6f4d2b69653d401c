import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TokensPage } from '@/components/tokens/TokensPage'
import { installFakeFetch, jsonResponse, problemResponse } from '@/test/fakeServer'
import type { RazorpayOptions } from '@/types/razorpay'

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

afterEach(() => {
  vi.unstubAllGlobals()
  delete window.Razorpay
})

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
          gateway: 'manual',
          checkoutUrl: null,
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

describe('TokensPage with Stripe', () => {
  it('opens Stripe Checkout for a subscription billed by Stripe', async () => {
    const assign = vi.fn()
    vi.stubGlobal('location', { ...window.location, assign })
    const pending = {
      id: 's2',
      planId: 'pro-inr',
      name: 'Pro',
      tokens: 3000000,
      status: 'pending',
      autoRenew: true,
      currentPeriodStart: '2026-11-28T10:00:00Z',
      currentPeriodEnd: '2026-11-28T10:00:00Z',
      gateway: 'stripe',
      checkoutUrl: 'https://checkout.stripe.com/c/pay/cs_test_1',
    }
    let subscribed = false
    const calls = installFakeFetch(({ url, method }) => {
      if (url.pathname === '/api/v1/tokens/packages') return packagesRoute(url)
      if (url.pathname === '/api/v1/tokens/plans') return jsonResponse(200, PLANS)
      if (url.pathname === '/api/v1/tokens/subscription') {
        if (method === 'POST') {
          subscribed = true
          return jsonResponse(201, pending)
        }
        return subscribed
          ? jsonResponse(200, pending)
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

    await vi.waitFor(() =>
      expect(assign).toHaveBeenCalledWith('https://checkout.stripe.com/c/pay/cs_test_1'),
    )
    expect(
      calls.find((call) => call.method === 'POST' && call.path === '/api/v1/tokens/subscription')
        ?.body,
    ).toEqual({
      planId: 'pro-inr',
    })
  })

  it('offers to finish paying a pending subscription', async () => {
    installFakeFetch(({ url }) => {
      if (url.pathname === '/api/v1/tokens/packages') return packagesRoute(url)
      if (url.pathname === '/api/v1/tokens/plans') return jsonResponse(200, PLANS)
      if (url.pathname === '/api/v1/tokens/subscription') {
        return jsonResponse(200, {
          id: 's3',
          planId: 'pro-inr',
          name: 'Pro',
          tokens: 3000000,
          status: 'pending',
          autoRenew: true,
          currentPeriodStart: '2026-11-28T10:00:00Z',
          currentPeriodEnd: '2026-11-28T10:00:00Z',
          gateway: 'stripe',
          checkoutUrl: 'https://checkout.stripe.com/c/pay/cs_test_3',
        })
      }
      if (url.pathname === '/api/v1/tokens/balance') return jsonResponse(200, BALANCE)
      if (url.pathname === '/api/v1/tokens/history') {
        return jsonResponse(200, { items: [], page: 0, size: 20, total: 0 })
      }
      return undefined
    })
    renderPage()

    expect(await screen.findByText(/waiting for the payment/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Continue to payment' })).toHaveAttribute(
      'href',
      'https://checkout.stripe.com/c/pay/cs_test_3',
    )
    expect(screen.queryByRole('button', { name: 'Subscribe INR' })).not.toBeInTheDocument()
  })
})

describe('TokensPage with Razorpay', () => {
  const ORDER_ID = '6f1c2d4e-0000-4000-8000-000000000001'
  const PAYMENT = {
    razorpay_order_id: 'order_RZP1',
    razorpay_payment_id: 'pay_RZP1',
    razorpay_signature: 'signed',
  }
  const order = (status: string) => ({
    id: ORDER_ID,
    packageId: 'starter-inr',
    tokens: 500000,
    amount: 499.0,
    currency: 'INR',
    status,
    gateway: 'razorpay',
    checkoutUrl: null,
    createdAt: '2026-11-28T10:00:00Z',
    razorpay: { keyId: 'rzp_test_key', orderId: 'order_RZP1', amount: 49900, currency: 'INR' },
  })

  /**
   * A stand-in for the widget checkout.js defines (Razorpay's own code, which the tests cannot
   * load): it records what it was opened with, and the test plays the user's part.
   */
  function installFakeCheckout() {
    const opened: RazorpayOptions[] = []
    window.Razorpay = class {
      constructor(private readonly options: RazorpayOptions) {}
      open() {
        opened.push(this.options)
      }
    }
    return opened
  }

  /** The wallet's routes; the confirmation answers `confirm` and credits the balance on 200. */
  function installServer(confirm: () => Response) {
    let credited = false
    const calls = installFakeFetch(({ url, method }) => {
      if (url.pathname === '/api/v1/tokens/packages') return packagesRoute(url)
      const subscription = subscriptionRoutes(url)
      if (subscription) return subscription
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
        return jsonResponse(201, order('created'))
      }
      if (url.pathname === `/api/v1/tokens/orders/${ORDER_ID}/razorpay` && method === 'POST') {
        const response = confirm()
        credited = response.ok
        return response
      }
      return undefined
    })
    return calls
  }

  async function buyStarter(opened: RazorpayOptions[]) {
    renderPage()
    expect(
      await screen.findByText('50,000', { selector: '[data-testid="tokens-available"]' }),
    ).toBeInTheDocument()
    await userEvent.click(await screen.findByRole('button', { name: 'Buy Starter' }))
    await vi.waitFor(() => expect(opened).toHaveLength(1))
    return opened[0]!
  }

  it('opens Checkout for the order, confirms the payment and shows the credit', async () => {
    const opened = installFakeCheckout()
    const calls = installServer(() => jsonResponse(200, order('credited')))

    const options = await buyStarter(opened)
    expect(options).toMatchObject({
      key: 'rzp_test_key',
      order_id: 'order_RZP1',
      amount: 49900,
      currency: 'INR',
      name: 'BharatBuild',
      description: 'Starter',
    })
    expect(calls.find((call) => call.path === '/api/v1/tokens/purchase')?.body).toEqual({
      packageId: 'starter-inr',
    })

    const historyReads = () =>
      calls.filter((call) => call.path.startsWith('/api/v1/tokens/history')).length
    const historyBefore = historyReads()
    act(() => options.handler(PAYMENT))

    expect(await screen.findByText('Added 500,000 tokens')).toBeInTheDocument()
    expect(
      calls.find((call) => call.path === `/api/v1/tokens/orders/${ORDER_ID}/razorpay`)?.body,
    ).toEqual(PAYMENT)
    expect(
      await screen.findByText('550,000', { selector: '[data-testid="tokens-available"]' }),
    ).toBeInTheDocument()
    await vi.waitFor(() => expect(historyReads()).toBeGreaterThan(historyBefore))
  })

  it('says the payment was cancelled when Checkout is closed, and confirms nothing', async () => {
    const opened = installFakeCheckout()
    const calls = installServer(() => jsonResponse(200, order('credited')))

    const options = await buyStarter(opened)
    act(() => options.modal?.ondismiss?.())

    expect(await screen.findByText('Payment cancelled')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(calls.some((call) => call.path.endsWith('/razorpay'))).toBe(false)
    expect(screen.getByTestId('tokens-available')).toHaveTextContent('50,000')
    expect(screen.getByRole('button', { name: 'Buy Starter' })).toBeEnabled()
  })

  it('shows an error and leaves the balance when the server does not accept the payment', async () => {
    const opened = installFakeCheckout()
    const calls = installServer(() =>
      problemResponse(400, {
        title: 'Payment not proven',
        code: 'bad-payment-signature',
        detail: 'The signature does not match the payment',
      }),
    )

    const options = await buyStarter(opened)
    const balanceReads = () => calls.filter((call) => call.path === '/api/v1/tokens/balance').length
    const readsBefore = balanceReads()
    act(() => options.handler(PAYMENT))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The payment could not be confirmed; no tokens were added')
    expect(alert).toHaveTextContent('The signature does not match the payment')
    expect(screen.queryByText(/Added/)).not.toBeInTheDocument()
    expect(screen.getByTestId('tokens-available')).toHaveTextContent('50,000')
    expect(balanceReads()).toBe(readsBefore)
  })

  it('shows an error when Checkout cannot be loaded', async () => {
    installServer(() => jsonResponse(200, order('credited')))
    renderPage()
    await userEvent.click(await screen.findByRole('button', { name: 'Buy Starter' }))
    // jsdom loads no external script: report the script's failure the way a browser would
    const script = await vi.waitFor(() => {
      const found = document.querySelector(
        'script[src="https://checkout.razorpay.com/v1/checkout.js"]',
      )
      expect(found).not.toBeNull()
      return found!
    })
    act(() => {
      script.dispatchEvent(new Event('error'))
    })
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load Razorpay Checkout')
  })
})
