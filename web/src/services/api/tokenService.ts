import { api } from '@/services/api/client'
import type {
  HistoryPage,
  OrderView,
  PlanView,
  RazorpayPayment,
  SubscriptionView,
  TokenPackage,
} from '@/types/api'

export type HistoryKind =
  'ai_usage' | 'purchase' | 'grant' | 'subscription' | 'refund' | 'adjustment'

/** The wallet: its history a page at a time, and buying tokens. */
export const tokenService = {
  history(
    query: { page: number; size: number; kind?: HistoryKind },
    signal?: AbortSignal,
  ): Promise<HistoryPage> {
    return api.get('/api/v1/tokens/history', { query, signal })
  },

  packages(signal?: AbortSignal): Promise<TokenPackage[]> {
    return api.get('/api/v1/tokens/packages', { signal })
  },

  plans(signal?: AbortSignal): Promise<PlanView[]> {
    return api.get('/api/v1/tokens/plans', { signal })
  },

  /** The latest subscription; rejects with a 404 ApiError when there never was one. */
  subscription(signal?: AbortSignal): Promise<SubscriptionView> {
    return api.get('/api/v1/tokens/subscription', { signal })
  },

  subscribe(planId: string): Promise<SubscriptionView> {
    return api.post('/api/v1/tokens/subscription', { body: { planId } })
  },

  cancelSubscription(): Promise<SubscriptionView> {
    return api.delete('/api/v1/tokens/subscription')
  },

  /** Buys a package; the order says whether the tokens were credited or where to pay. */
  purchase(packageId: string): Promise<OrderView> {
    return api.post('/api/v1/tokens/purchase', { body: { packageId } })
  },

  /**
   * Passes on what Razorpay Checkout answered for an order; the server checks the signature and
   * credits the order (400 `bad-payment-signature` when it does not prove the payment).
   */
  confirmRazorpay(orderId: string, payment: RazorpayPayment): Promise<OrderView> {
    const { razorpay_order_id, razorpay_payment_id, razorpay_signature } = payment
    return api.post('/api/v1/tokens/orders/{orderId}/razorpay', {
      params: { orderId },
      body: { razorpay_order_id, razorpay_payment_id, razorpay_signature },
    })
  },
}
