package com.bharatbuild.wallet;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Stripe's webhook: only a body whose signature verifies goes on to {@link StripeEvents}. */
@RestController
@ConditionalOnExpression("!'${bharatbuild.billing.stripe.secret-key:}'.isBlank()")
class StripeWebhookController {

  private final StripeGateway stripe;
  private final PaymentEvents events;

  StripeWebhookController(StripeGateway stripe, PaymentEvents events) {
    this.stripe = stripe;
    this.events = events;
  }

  @PostMapping("/api/v1/payments/stripe/webhook")
  ResponseEntity<Void> receive(
      @RequestBody String payload,
      @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
    if (signature == null || signature.isBlank()) {
      throw new BadWebhook("The Stripe-Signature header is missing");
    }
    stripe.verified(payload, signature);
    events.submit(StripeGateway.ID, payload);
    return ResponseEntity.ok().build();
  }
}
