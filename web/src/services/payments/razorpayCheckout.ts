import type { RazorpayCheckout, RazorpayPayment } from '@/types/api'
import type { RazorpayConstructor } from '@/types/razorpay'

/**
 * Razorpay Checkout's script. It is the payment provider's own page and cannot be bundled, so it
 * is the one script the client loads from elsewhere, and only when an order is to be paid there.
 */
export const RAZORPAY_CHECKOUT_SRC = 'https://checkout.razorpay.com/v1/checkout.js'

const LOAD_TIMEOUT_MS = 20_000

let loading: Promise<RazorpayConstructor> | null = null

/**
 * Loads Checkout's script once (a `<script>` added to the page) and resolves with
 * `window.Razorpay`. Rejects when the script cannot be loaded or takes too long; a later call
 * tries again.
 */
export function loadRazorpayCheckout(timeoutMs = LOAD_TIMEOUT_MS): Promise<RazorpayConstructor> {
  if (window.Razorpay) return Promise.resolve(window.Razorpay)
  loading ??= new Promise<RazorpayConstructor>((resolve, reject) => {
    let script = document.querySelector<HTMLScriptElement>(`script[src="${RAZORPAY_CHECKOUT_SRC}"]`)
    if (!script) {
      script = document.createElement('script')
      script.src = RAZORPAY_CHECKOUT_SRC
      script.async = true
      document.head.appendChild(script)
    }
    const element = script
    const timer = window.setTimeout(
      () => fail('Razorpay Checkout took too long to load. Check your connection and try again.'),
      timeoutMs,
    )
    function settle() {
      window.clearTimeout(timer)
      element.removeEventListener('load', loaded)
      element.removeEventListener('error', failed)
    }
    function fail(message: string) {
      settle()
      // the next attempt starts afresh with a new script element
      element.remove()
      loading = null
      reject(new Error(message))
    }
    function loaded() {
      if (window.Razorpay) {
        settle()
        resolve(window.Razorpay)
      } else {
        fail('Razorpay Checkout loaded but did not start. Try again later.')
      }
    }
    function failed() {
      fail(
        'Could not load Razorpay Checkout. Check your connection (or a blocker for ' +
          'checkout.razorpay.com) and try again.',
      )
    }
    element.addEventListener('load', loaded)
    element.addEventListener('error', failed)
  })
  return loading
}

/** How a Checkout ended: paid, with the signed response to confirm, or closed without paying. */
export type RazorpayOutcome = { paid: true; payment: RazorpayPayment } | { paid: false }

/**
 * Opens Checkout for an order the server created at Razorpay, and resolves when the user has paid
 * or closed it. `description` is what Checkout shows under our name (the package's name).
 */
export async function payWithRazorpay(
  checkout: RazorpayCheckout,
  description: string,
): Promise<RazorpayOutcome> {
  const Razorpay = await loadRazorpayCheckout()
  return new Promise<RazorpayOutcome>((resolve) => {
    new Razorpay({
      key: checkout.keyId,
      order_id: checkout.orderId,
      amount: checkout.amount,
      currency: checkout.currency,
      name: 'BharatBuild',
      description,
      handler: (payment) => resolve({ paid: true, payment }),
      modal: { ondismiss: () => resolve({ paid: false }) },
    }).open()
  })
}
