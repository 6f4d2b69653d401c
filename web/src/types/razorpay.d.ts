/**
 * The part of Razorpay Checkout's browser API (`checkout.js`, loaded from Razorpay) that the
 * client uses: the constructor on `window`, its options and the instance's `open`.
 */
import type { RazorpayPayment } from '@/types/api'

export interface RazorpayOptions {
  /** The key id (`rzp_…`), public. */
  key: string
  /** The Razorpay order (`order_…`) the server created for our order. */
  order_id: string
  /** In the currency's smallest unit (paise). */
  amount: number
  currency: string
  name: string
  description?: string
  /** Called with Checkout's signed response once the payment succeeds. */
  handler: (response: RazorpayPayment) => void
  modal?: {
    /** Called when the user closes Checkout without paying. */
    ondismiss?: () => void
  }
}

export interface RazorpayInstance {
  open(): void
}

export type RazorpayConstructor = new (options: RazorpayOptions) => RazorpayInstance

declare global {
  interface Window {
    /** Defined by Razorpay's checkout.js once it has loaded. */
    Razorpay?: RazorpayConstructor
  }
}
