package com.bharatbuild.wallet;

import org.jspecify.annotations.Nullable;
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
 * Razorpay's webhook. Only a body whose signature verifies is read; a delivery repeated, late or
 * out of order changes nothing twice (the shop credits an order once and never moves a credited
 * order back), and event types this server does not use are acknowledged with a log line.
 */
@RestController
@ConditionalOnExpression(RazorpayConfiguration.ENABLED)
class RazorpayWebhookController {

  private static final Logger log = LoggerFactory.getLogger(RazorpayWebhookController.class);

  private final RazorpayGateway razorpay;
  private final TokenShop shop;
  private final JsonMapper json;

  RazorpayWebhookController(RazorpayGateway razorpay, TokenShop shop, JsonMapper json) {
    this.razorpay = razorpay;
    this.shop = shop;
    this.json = json;
  }

  @PostMapping("/api/v1/payments/razorpay/webhook")
  ResponseEntity<Void> receive(
      @RequestBody String payload,
      @RequestHeader(name = "X-Razorpay-Signature", required = false) @Nullable String signature,
      @RequestHeader(name = "X-Razorpay-Event-Id", required = false) @Nullable String eventId) {
    if (signature == null || signature.isBlank()) {
      throw new BadWebhook("The X-Razorpay-Signature header is missing");
    }
    if (!razorpay.webhookProven(payload, signature)) {
      throw new BadWebhook("The X-Razorpay-Signature header does not match the body");
    }
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
      default -> log.info("Ignored Razorpay event {} of type {}", eventId, type);
    }
    return ResponseEntity.ok().build();
  }

  private void paid(String razorpayOrderId, String type) {
    if (razorpayOrderId.isBlank()) {
      log.info("Ignored Razorpay {} without an order", type);
    } else if (!shop.confirmPaid(RazorpayGateway.ID, razorpayOrderId)) {
      log.warn("Razorpay paid order {} belongs to no order here", razorpayOrderId);
    }
  }
}
