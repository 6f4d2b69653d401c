package com.bharatbuild.wallet;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A payment provider. It opens a payment for an order; it never credits tokens itself: the order is
 * credited once, when the payment is confirmed (at once, by a webhook, or by a sweep).
 */
interface PaymentGateway {

  String id();

  Checkout begin(UUID orderId, TokenPackage item);

  /** The order as its owner sees it; a gateway whose checkout needs more than a URL adds it. */
  default OrderView view(Orders.Row row) {
    return row.view();
  }

  /**
   * @param reference the gateway's id for the payment, unique per gateway
   * @param paid true when the payment is complete already (the manual gateway)
   */
  record Checkout(String reference, @Nullable String checkoutUrl, boolean paid) {}
}
