package com.bharatbuild.wallet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Razorpay's events: a delivery repeated, late or out of order changes nothing twice (the shop
 * credits an order once and never moves a credited order back), and event types this server does
 * not use are acknowledged with a log line.
 */
@Component
@ConditionalOnExpression(RazorpayConfiguration.ENABLED)
class RazorpayEvents implements PaymentEventHandler {

  private static final Logger log = LoggerFactory.getLogger(RazorpayEvents.class);

  private final TokenShop shop;
  private final JsonMapper json;

  RazorpayEvents(TokenShop shop, JsonMapper json) {
    this.shop = shop;
    this.json = json;
  }

  @Override
  public String gateway() {
    return RazorpayGateway.ID;
  }

  @Override
  public void handle(String payload) {
    JsonNode event = json.readTree(payload);
    String type = event.path("event").asString("");
    JsonNode payment = event.path("payload").path("payment").path("entity");
    switch (type) {
      case "payment.captured" -> paid(payment.path("order_id").asString(""), type);
      case "order.paid" ->
          paid(event.path("payload").path("order").path("entity").path("id").asString(""), type);
      // a failed attempt marks an open order failed; Checkout may still take a second attempt on
      // the same order, and its capture credits the order all the same
      case "payment.failed" -> {
        String orderId = payment.path("order_id").asString("");
        if (!orderId.isBlank()) {
          shop.close(RazorpayGateway.ID, orderId, "failed");
        }
      }
      case "refund.processed" -> {
        String orderId = payment.path("order_id").asString("");
        // the payment entity of a refund event carries its refund status: full or partial
        if ("full".equals(payment.path("refund_status").asString(""))) {
          if (!shop.refunded(RazorpayGateway.ID, orderId)) {
            log.warn("Razorpay refunded order {} belongs to no order here", orderId);
          }
        } else {
          log.info("Razorpay partial refund of order {} left for an admin adjustment", orderId);
        }
      }
      default -> log.info("Ignored Razorpay event of type {}", type);
    }
  }

  private void paid(String razorpayOrderId, String type) {
    if (razorpayOrderId.isBlank()) {
      log.info("Ignored Razorpay {} without an order", type);
    } else if (!shop.confirmPaid(RazorpayGateway.ID, razorpayOrderId)) {
      log.warn("Razorpay paid order {} belongs to no order here", razorpayOrderId);
    }
  }
}
