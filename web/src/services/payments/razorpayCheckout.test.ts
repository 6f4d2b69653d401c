import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as LoaderModule from '@/services/payments/razorpayCheckout'
import type { RazorpayConstructor, RazorpayOptions } from '@/types/razorpay'

type Loader = typeof LoaderModule

const SRC = 'https://checkout.razorpay.com/v1/checkout.js'
/** A stand-in for the constructor checkout.js defines; these tests never open it. */
const FakeRazorpay = vi.fn() as unknown as RazorpayConstructor

const scripts = () => document.querySelectorAll<HTMLScriptElement>(`script[src="${SRC}"]`)

// the loader remembers a load in progress, so each test gets a fresh copy of the module
async function freshLoader(): Promise<Loader> {
  vi.resetModules()
  return import('@/services/payments/razorpayCheckout')
}

beforeEach(() => {
  delete window.Razorpay
  scripts().forEach((script) => script.remove())
})

afterEach(() => {
  vi.useRealTimers()
  delete window.Razorpay
  scripts().forEach((script) => script.remove())
})

describe('loadRazorpayCheckout', () => {
  it('injects the script once and resolves with window.Razorpay when it loads', async () => {
    const { loadRazorpayCheckout } = await freshLoader()

    const first = loadRazorpayCheckout()
    const second = loadRazorpayCheckout()
    expect(scripts()).toHaveLength(1)
    expect(scripts()[0]?.async).toBe(true)

    window.Razorpay = FakeRazorpay
    scripts()[0]?.dispatchEvent(new Event('load'))

    await expect(first).resolves.toBe(FakeRazorpay)
    await expect(second).resolves.toBe(FakeRazorpay)
    // loaded: later calls neither wait nor add a script
    await expect(loadRazorpayCheckout()).resolves.toBe(FakeRazorpay)
    expect(scripts()).toHaveLength(1)
  })

  it('adds no script when Razorpay is already on the page', async () => {
    const { loadRazorpayCheckout } = await freshLoader()
    window.Razorpay = FakeRazorpay
    await expect(loadRazorpayCheckout()).resolves.toBe(FakeRazorpay)
    expect(scripts()).toHaveLength(0)
  })

  it('rejects with a clear error when the script fails to load, and tries again next time', async () => {
    const { loadRazorpayCheckout } = await freshLoader()

    const attempt = loadRazorpayCheckout()
    scripts()[0]?.dispatchEvent(new Event('error'))
    await expect(attempt).rejects.toThrow(/Could not load Razorpay Checkout/)
    expect(scripts()).toHaveLength(0)

    const retry = loadRazorpayCheckout()
    expect(scripts()).toHaveLength(1)
    window.Razorpay = FakeRazorpay
    scripts()[0]?.dispatchEvent(new Event('load'))
    await expect(retry).resolves.toBe(FakeRazorpay)
  })

  it('rejects when the script loads without defining Razorpay', async () => {
    const { loadRazorpayCheckout } = await freshLoader()
    const attempt = loadRazorpayCheckout()
    scripts()[0]?.dispatchEvent(new Event('load'))
    await expect(attempt).rejects.toThrow(/did not start/)
  })

  it('rejects when the script takes too long', async () => {
    vi.useFakeTimers()
    const { loadRazorpayCheckout } = await freshLoader()
    const attempt = loadRazorpayCheckout(1000)
    const outcome = expect(attempt).rejects.toThrow(/took too long/)
    await vi.advanceTimersByTimeAsync(1000)
    await outcome
    expect(scripts()).toHaveLength(0)
  })
})

describe('payWithRazorpay', () => {
  const checkout = { keyId: 'rzp_test_key', orderId: 'order_1', amount: 49900, currency: 'INR' }

  it('opens Checkout with the order and resolves with the signed response', async () => {
    const open = vi.fn()
    let options: RazorpayOptions | undefined
    window.Razorpay = vi.fn(function (this: unknown, given: RazorpayOptions) {
      options = given
      return { open }
    }) as unknown as RazorpayConstructor
    const { payWithRazorpay } = await freshLoader()

    const outcome = payWithRazorpay(checkout, 'Starter')
    await vi.waitFor(() => expect(open).toHaveBeenCalledOnce())
    expect(options).toMatchObject({
      key: 'rzp_test_key',
      order_id: 'order_1',
      amount: 49900,
      currency: 'INR',
      name: 'BharatBuild',
      description: 'Starter',
    })
    const payment = {
      razorpay_order_id: 'order_1',
      razorpay_payment_id: 'pay_1',
      razorpay_signature: 'sig',
    }
    options?.handler(payment)
    await expect(outcome).resolves.toEqual({ paid: true, payment })
  })

  it('resolves unpaid when Checkout is dismissed', async () => {
    let options: RazorpayOptions | undefined
    window.Razorpay = vi.fn(function (this: unknown, given: RazorpayOptions) {
      options = given
      return { open: vi.fn() }
    }) as unknown as RazorpayConstructor
    const { payWithRazorpay } = await freshLoader()

    const outcome = payWithRazorpay(checkout, 'Starter')
    await vi.waitFor(() => expect(options).toBeDefined())
    options?.modal?.ondismiss?.()
    await expect(outcome).resolves.toEqual({ paid: false })
  })
})
