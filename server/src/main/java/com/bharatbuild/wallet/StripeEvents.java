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
 * not use are acknowledged with a log line. Checkouts in subscription mode, invoices and
 * subscriptions go to {@link StripeSubscriptionEvents}.
 */
@Component
@ConditionalOnExpression("!'${bharatbuild.billing.stripe.secret-key:}'.isBlank()")
class StripeEvents implements PaymentEventHandler {

  private static final Logger log = LoggerFactory.getLogger(StripeEvents.class);

  private final TokenShop shop;
  private final StripeSubscriptionEvents subscriptions;
  private final JsonMapper json;

  StripeEvents(TokenShop shop, StripeSubscriptionEvents subscriptions, JsonMapper json) {
    this.shop = shop;
    this.subscriptions = subscriptions;
    this.json = json;
  }

  @Override
  public String gateway() {
    return StripeGateway.ID;
  }

  @Override
  public void handle(String payload) {
    JsonNode event = json.readTree(payload);
    // the object (a checkout session, an invoice…) is read from the verified body itself, whatever
    // API version the SDK expects
    JsonNode object = event.path("data").path("object");
    String sessionId = object.path("id").asString("");
    String type = event.path("type").asString("");
    if ("subscription".equals(object.path("mode").asString(""))) {
      switch (type) {
        case "checkout.session.completed" -> subscriptions.checkoutCompleted(object);
        case "checkout.session.expired" -> subscriptions.checkoutExpired(object);
        // the first invoice's payment (invoice.paid) is what grants, not the checkout
        default -> log.info("Ignored Stripe subscription checkout event of type {}", type);
      }
      return;
    }
    switch (type) {
      case "invoice.paid" -> subscriptions.invoicePaid(object);
      case "invoice.payment_failed" -> subscriptions.invoicePaymentFailed(object);
      case "customer.subscription.updated" -> subscriptions.subscriptionUpdated(object);
      case "customer.subscription.deleted" -> subscriptions.subscriptionDeleted(object);
      case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> {
        if ("paid".equals(object.path("payment_status").asString(""))) {
          String payment = object.path("payment_intent").asString("");
          if (!shop.confirmPaid(StripeGateway.ID, sessionId, payment)) {
            log.warn("Stripe paid session {} belongs to no order here", sessionId);
          }
        }
      }
      // data.object is then a charge, which names the payment intent the session was paid with
      case "charge.refunded" -> {
        if (object.path("refunded").asBoolean(false)) {
          String payment = object.path("payment_intent").asString("");
          if (!shop.refunded(StripeGateway.ID, payment)) {
            log.warn("Stripe refunded payment {} belongs to no order here", payment);
          }
        } else {
          log.info(
              "Stripe partial refund of {} left for an admin adjustment",
              object.path("payment_intent").asString(""));
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
