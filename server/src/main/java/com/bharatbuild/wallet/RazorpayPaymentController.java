package com.bharatbuild.wallet;

import com.bharatbuild.auth.CurrentUserId;
import jakarta.validation.Valid;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser reports what Razorpay Checkout told it. The signature proves the payment only with
 * our key secret, so a forged or borrowed report credits nothing; the webhook credits the same
 * order once more at most, which changes nothing.
 */
@RestController
class RazorpayPaymentController {

  // the route is there without Razorpay too, so the API document and the web's types always have it
  private final Optional<RazorpayGateway> razorpay;
  private final TokenShop shop;

  RazorpayPaymentController(Optional<RazorpayGateway> razorpay, TokenShop shop) {
    this.razorpay = razorpay;
    this.shop = shop;
  }

  /** Confirms a Razorpay payment of the user's order; 400 when the signature does not prove it. */
  @PostMapping("/api/v1/tokens/orders/{orderId}/razorpay")
  OrderView confirmRazorpayPayment(
      @CurrentUserId UUID userId,
      @PathVariable UUID orderId,
      @Valid @RequestBody RazorpayPayment payment) {
    RazorpayGateway razorpay =
        this.razorpay.orElseThrow(
            () -> new TokenShop.GatewayUnavailable("Razorpay is not configured on this server"));
    Orders.Row order = shop.owned(userId, orderId);
    // a payment proven for another of the user's orders must not pay for this one
    if (!RazorpayGateway.ID.equals(order.view().gateway())
        || !payment.orderId().equals(order.reference())) {
      throw new BadPaymentProof("The payment is not for this order");
    }
    if (!razorpay.paymentProven(payment.orderId(), payment.paymentId(), payment.signature())) {
      throw new BadPaymentProof("The signature does not match the payment");
    }
    shop.confirmPaid(RazorpayGateway.ID, payment.orderId());
    return shop.order(userId, orderId);
  }
}
