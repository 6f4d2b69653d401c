package com.bharatbuild.wallet;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A purchase of tokens.
 *
 * @param status {@code created}, {@code paid}, {@code credited}, {@code failed}, {@code expired} or
 *     {@code refunded}
 * @param checkoutUrl where the user pays, for gateways with a hosted checkout
 * @param razorpay what the browser opens Razorpay Checkout with, for an order at Razorpay
 */
public record OrderView(
    UUID id,
    String packageId,
    long tokens,
    BigDecimal amount,
    String currency,
    String status,
    String gateway,
    @Nullable String checkoutUrl,
    OffsetDateTime createdAt,
    @Nullable RazorpayCheckout razorpay) {

  /**
   * The options Razorpay's Checkout script needs for this order.
   *
   * @param keyId Checkout's {@code key}
   * @param orderId Checkout's {@code order_id}: Razorpay's id for the order, not ours
   * @param amount in the minor unit (paise, cents), as Checkout takes it
   */
  public record RazorpayCheckout(String keyId, String orderId, long amount, String currency) {}

  OrderView withRazorpay(RazorpayCheckout checkout) {
    return new OrderView(
        id, packageId, tokens, amount, currency, status, gateway, checkoutUrl, createdAt, checkout);
  }
}
