import { useEffect, useState } from 'react'
import { Alert } from '@/components/common/Alert'
import { formatTokens, formatPrice } from '@/components/tokens/format'
import { Button } from '@/components/common/Button'
import { errorMessage } from '@/services/api/apiError'
import { tokenService } from '@/services/api/tokenService'
import { payWithRazorpay } from '@/services/payments/razorpayCheckout'
import { useChatStore } from '@/store/chatStore'
import type { TokenPackage } from '@/types/api'

/** What the alert says when a purchase or its payment did not go through. */
interface Failure {
  title: string
  message: string
}

/**
 * The packages on sale, in rupees or dollars. A purchase the gateway completes at once (the
 * manual gateway of the embedded defaults) is credited before the answer arrives; a hosted
 * checkout (Stripe) opens the gateway's page, and the tokens arrive when it confirms the payment;
 * a Razorpay order opens Razorpay Checkout over the page, and its signed answer is passed on to
 * the server, which credits the order once it has checked it.
 */
export function BuyTokens({ onPurchased }: { onPurchased: () => void }) {
  const [packages, setPackages] = useState<TokenPackage[] | null>(null)
  const [currency, setCurrency] = useState('INR')
  const [buying, setBuying] = useState<string | null>(null)
  const [error, setError] = useState<Failure | null>(null)
  const [done, setDone] = useState<string | null>(null)

  useEffect(() => {
    const controller = new AbortController()
    tokenService
      .packages(controller.signal)
      .then(setPackages)
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) {
          setError({ title: 'Could not load the packages', message: errorMessage(caught) })
        }
      })
    return () => controller.abort()
  }, [])

  async function buy(item: TokenPackage) {
    setBuying(item.id)
    setError(null)
    setDone(null)
    try {
      let order = await tokenService.purchase(item.id)
      if (order.checkoutUrl) {
        window.location.assign(order.checkoutUrl)
        return
      }
      if (order.razorpay) {
        const outcome = await payWithRazorpay(order.razorpay, item.name)
        if (!outcome.paid) {
          // the order stays pending; a payment made after all is credited by the webhook or sweep
          setDone('Payment cancelled')
          return
        }
        try {
          order = await tokenService.confirmRazorpay(order.id, outcome.payment)
        } catch (caught) {
          setError({
            title: 'The payment could not be confirmed; no tokens were added',
            message: errorMessage(caught),
          })
          return
        }
      }
      setDone(
        order.status === 'credited'
          ? `Added ${formatTokens(order.tokens)} tokens`
          : `Order ${order.status}; the tokens arrive when the payment is confirmed`,
      )
      useChatStore.setState((s) => ({ balanceVersion: s.balanceVersion + 1 }))
      onPurchased()
    } catch (caught) {
      setError({ title: 'The purchase did not go through', message: errorMessage(caught) })
    } finally {
      setBuying(null)
    }
  }

  const currencies = [...new Set(packages?.map((p) => p.currency) ?? [])]
  return (
    <section className="tokens__buy" aria-labelledby="buy-title">
      <h2 className="section-title" id="buy-title">
        Buy tokens
      </h2>
      {error && <Alert title={error.title}>{error.message}</Alert>}
      {done && (
        <p role="status" className="tokens__bought">
          {done}
        </p>
      )}
      {currencies.length > 1 && (
        <div className="tokens__currencies" role="group" aria-label="Currency">
          {currencies.map((code) => (
            <button
              key={code}
              type="button"
              className="workbench__view"
              aria-pressed={code === currency}
              onClick={() => setCurrency(code)}
            >
              {code}
            </button>
          ))}
        </div>
      )}
      <ul className="tokens__packages" aria-label="Packages">
        {packages
          ?.filter((item) => item.currency === currency)
          .map((item) => (
            <li key={item.id} className="tokens__package">
              <span className="tokens__package-name">{item.name}</span>
              <span>{formatTokens(item.tokens)} tokens</span>
              <span className="tokens__price">{formatPrice(item.price, item.currency)}</span>
              <Button
                size="small"
                loading={buying === item.id}
                disabled={buying !== null}
                onClick={() => void buy(item)}
              >
                Buy {item.name}
              </Button>
            </li>
          ))}
      </ul>
    </section>
  )
}
