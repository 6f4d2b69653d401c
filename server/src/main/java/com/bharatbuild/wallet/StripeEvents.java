package com.bharatbuild.wallet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's events: a delivery repeated, late or out of order changes nothing twice (the shop
 * credits an order once and never moves a credited order back), and event types this server does
 * not use are acknowledged with a log line.
 */
@Component
@ConditionalOnExpression("!'${bharatbuild.billing.stripe.secret-key:}'.isBlank()")
class StripeEvents implements PaymentEventHandler {

  private static final Logger log = LoggerFactory.getLogger(StripeEvents.class);

  private final TokenShop shop;
  private final JsonMapper json;

  StripeEvents(TokenShop shop, JsonMapper json) {
    this.shop = shop;
    this.json = json;
  }

  @Override
  public String gateway() {
    return StripeGateway.ID;
  }

  @Override
  public void handle(String payload) {
    JsonNode event = json.readTree(payload);
    // the session is read from the verified body itself, whatever API version the SDK expects
    JsonNode session = event.path("data").path("object");
    String sessionId = session.path("id").asString("");
    String type = event.path("type").asString("");
    switch (type) {
      case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> {
        if ("paid".equals(session.path("payment_status").asString(""))) {
          String payment = session.path("payment_intent").asString("");
          if (!shop.confirmPaid(StripeGateway.ID, sessionId, payment)) {
            log.warn("Stripe paid session {} belongs to no order here", sessionId);
          }
        }
      }
      // data.object is then a charge, which names the payment intent the session was paid with
      case "charge.refunded" -> {
        if (session.path("refunded").asBoolean(false)) {
          String payment = session.path("payment_intent").asString("");
          if (!shop.refunded(StripeGateway.ID, payment)) {
            log.warn("Stripe refunded payment {} belongs to no order here", payment);
          }
        } else {
          log.info(
              "Stripe partial refund of {} left for an admin adjustment",
              session.path("payment_intent").asString(""));
        }
      }
      case "checkout.session.expired" -> shop.close(StripeGateway.ID, sessionId, "expired");
      case "checkout.session.async_payment_failed" ->
          shop.close(StripeGateway.ID, sessionId, "failed");
      default ->
          log.info("Ignored Stripe event {} of type {}", event.path("id").asString(""), type);
    }
  }
}
