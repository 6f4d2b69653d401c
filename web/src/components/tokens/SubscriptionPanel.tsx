import { useEffect, useState } from 'react'
import { Alert } from '@/components/common/Alert'
import { formatTokens, formatPrice } from '@/components/tokens/format'
import { Button } from '@/components/common/Button'
import { ApiError, errorMessage } from '@/services/api/apiError'
import { tokenService } from '@/services/api/tokenService'
import { useChatStore } from '@/store/chatStore'
import type { PlanView, SubscriptionView } from '@/types/api'

const day = (iso: string) => new Date(iso).toLocaleDateString()

/**
 * The subscription: its plan and period while it runs, with Cancel (it then runs to the end of
 * the period); otherwise the plans to subscribe to. A subscription billed by a hosted checkout
 * (Stripe) opens the gateway's page; it is pending until paid there, and its tokens arrive with
 * each period's invoice.
 */
export function SubscriptionPanel({ onChanged }: { onChanged: () => void }) {
  const [subscription, setSubscription] = useState<SubscriptionView | null>(null)
  const [plans, setPlans] = useState<PlanView[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const controller = new AbortController()
    tokenService
      .subscription(controller.signal)
      .then(setSubscription)
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return
        if (!(caught instanceof ApiError && caught.status === 404)) setError(errorMessage(caught))
      })
    tokenService
      .plans(controller.signal)
      .then(setPlans)
      .catch(() => undefined)
    return () => controller.abort()
  }, [])

  async function act(action: () => Promise<SubscriptionView>) {
    setBusy(true)
    setError(null)
    try {
      const changed = await action()
      if (changed.status === 'pending' && changed.checkoutUrl) {
        window.location.assign(changed.checkoutUrl)
        return
      }
      setSubscription(changed)
      useChatStore.setState((s) => ({ balanceVersion: s.balanceVersion + 1 }))
      onChanged()
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  const running = subscription?.status === 'active' || subscription?.status === 'past_due'
  const pending = subscription?.status === 'pending'
  return (
    <section className="tokens__subscription" aria-labelledby="subscription-title">
      <h2 className="section-title" id="subscription-title">
        Subscription
      </h2>
      {error && <Alert title="The subscription did not change">{error}</Alert>}
      {pending && subscription ? (
        <div role="status" className="tokens__plan">
          <p>
            {subscription.name}: waiting for the payment; the tokens arrive once it is confirmed.
          </p>
          {subscription.checkoutUrl && <a href={subscription.checkoutUrl}>Continue to payment</a>}{' '}
          <Button
            size="small"
            variant="secondary"
            loading={busy}
            onClick={() => void act(() => tokenService.cancelSubscription())}
          >
            Cancel
          </Button>
        </div>
      ) : running && subscription ? (
        <div role="status" className="tokens__plan">
          <p>
            {subscription.name}: {formatTokens(subscription.tokens)} tokens every period.{' '}
            {subscription.status === 'past_due'
              ? 'The last payment failed; the next period starts when it goes through.'
              : subscription.autoRenew
                ? `Renews on ${day(subscription.currentPeriodEnd)}.`
                : `Cancelled: runs until ${day(subscription.currentPeriodEnd)}.`}
          </p>
          {subscription.autoRenew && (
            <Button
              size="small"
              variant="secondary"
              loading={busy}
              onClick={() => void act(() => tokenService.cancelSubscription())}
            >
              Cancel subscription
            </Button>
          )}
        </div>
      ) : (
        <ul className="tokens__packages" aria-label="Plans">
          {plans.map((plan) => (
            <li key={plan.id} className="tokens__package">
              <span className="tokens__package-name">
                {plan.name} ({plan.currency})
              </span>
              <span>
                {formatTokens(plan.tokens)} tokens every {plan.periodDays} days
              </span>
              <span className="tokens__price">{formatPrice(plan.price, plan.currency)}</span>
              <Button
                size="small"
                loading={busy}
                disabled={busy}
                onClick={() => void act(() => tokenService.subscribe(plan.id))}
              >
                Subscribe {plan.currency}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
