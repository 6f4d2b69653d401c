package com.bharatbuild.wallet;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Razorpay's webhook: only a body whose signature verifies goes on to {@link RazorpayEvents}. */
@RestController
@ConditionalOnExpression(RazorpayConfiguration.ENABLED)
class RazorpayWebhookController {

  private final RazorpayGateway razorpay;
  private final PaymentEvents events;

  RazorpayWebhookController(RazorpayGateway razorpay, PaymentEvents events) {
    this.razorpay = razorpay;
    this.events = events;
  }

  @PostMapping("/api/v1/payments/razorpay/webhook")
  ResponseEntity<Void> receive(
      @RequestBody String payload,
      @RequestHeader(name = "X-Razorpay-Signature", required = false) @Nullable String signature) {
    if (signature == null || signature.isBlank()) {
      throw new BadWebhook("The X-Razorpay-Signature header is missing");
    }
    if (!razorpay.webhookProven(payload, signature)) {
      throw new BadWebhook("The X-Razorpay-Signature header does not match the body");
    }
    events.submit(RazorpayGateway.ID, payload);
    return ResponseEntity.ok().build();
  }
}
