package com.bharatbuild.wallet;

import com.stripe.model.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhook. Only a body whose signature verifies is read; a delivery repeated, late or out
 * of order changes nothing twice (the shop credits an order once and never moves a credited order
 * back), and event types this server does not use are acknowledged with a log line.
 */
@RestController
@ConditionalOnExpression("!'${bharatbuild.billing.stripe.secret-key:}'.isBlank()")
class StripeWebhookController {

  private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

  private final StripeGateway stripe;
  private final TokenShop shop;
  private final JsonMapper json;

  StripeWebhookController(StripeGateway stripe, TokenShop shop, JsonMapper json) {
    this.stripe = stripe;
    this.shop = shop;
    this.json = json;
  }

  @PostMapping("/api/v1/payments/stripe/webhook")
  ResponseEntity<Void> receive(
      @RequestBody String payload,
      @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
    if (signature == null || signature.isBlank()) {
      throw new BadWebhook("The Stripe-Signature header is missing");
    }
    Event event = stripe.verified(payload, signature);
    // the session is read from the verified body itself, whatever API version the SDK expects
    JsonNode session = json.readTree(payload).path("data").path("object");
    String sessionId = session.path("id").asString("");
    switch (event.getType()) {
      case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> {
        if ("paid".equals(session.path("payment_status").asString(""))) {
          if (!shop.confirmPaid(StripeGateway.ID, sessionId)) {
            log.warn("Stripe paid session {} belongs to no order here", sessionId);
          }
        }
      }
      case "checkout.session.expired" -> shop.close(StripeGateway.ID, sessionId, "expired");
      case "checkout.session.async_payment_failed" ->
          shop.close(StripeGateway.ID, sessionId, "failed");
      default -> log.info("Ignored Stripe event {} of type {}", event.getId(), event.getType());
    }
    return ResponseEntity.ok().build();
  }
}
