package com.bharatbuild.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.Eventually;
import com.bharatbuild.support.HttpTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Stripe Checkout through the real Stripe SDK against a local server that answers like Stripe's
 * API, and webhooks signed exactly as Stripe signs them ({@code t=…,v1=HMAC-SHA256(secret,
 * "t.body")}).
 */
class StripeHttpTest extends HttpTest {

  private static final String WEBHOOK_SECRET = "whsec_test_secret";
  // one fake for this class and its queued variant; it goes with the test JVM
  private static final FakeStripe STRIPE = new FakeStripe();

  @DynamicPropertySource
  static void stripe(DynamicPropertyRegistry registry) {
    registry.add("bharatbuild.billing.stripe.secret-key", () -> "sk_test_123");
    registry.add("bharatbuild.billing.stripe.webhook-secret", () -> WEBHOOK_SECRET);
    registry.add("bharatbuild.billing.stripe.api-base", STRIPE::url);
  }

  /**
   * Answers as Stripe's API does: creates Checkout Sessions ({@code POST /v1/checkout/sessions},
   * remembering the form it was sent), reads them back as a test has set them ({@code GET
   * /v1/checkout/sessions/{id}}), expires them, and updates subscriptions ({@code POST
   * /v1/subscriptions/{id}}, remembered).
   */
  static final class FakeStripe {
    final HttpServer server;
    final List<Map<String, String>> sessions = new CopyOnWriteArrayList<>();

    /** What GET answers for a session: its JSON fields besides id and object. */
    final Map<String, String> sessionStates = new java.util.concurrent.ConcurrentHashMap<>();

    /** Each subscription update: the path's id and the form. */
    final List<Map<String, String>> subscriptionUpdates = new CopyOnWriteArrayList<>();

    final List<String> expired = new CopyOnWriteArrayList<>();

    FakeStripe() {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext(
          "/v1/checkout/sessions",
          exchange -> {
            String path = exchange.getRequestURI().getPath();
            String rest = path.substring("/v1/checkout/sessions".length());
            if (rest.isEmpty() || rest.equals("/")) {
              Map<String, String> fields = form(exchange);
              fields.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
              sessions.add(fields);
              String id = "cs_test_" + sessions.size() + "_" + System.nanoTime();
              answer(
                  exchange,
                  200,
                  "{\"id\":\""
                      + id
                      + "\",\"object\":\"checkout.session\",\"mode\":\""
                      + fields.getOrDefault("mode", "payment")
                      + "\",\"payment_status\":\"unpaid\",\"status\":\"open\","
                      + "\"client_reference_id\":\""
                      + fields.get("client_reference_id")
                      + "\",\"url\":\"https://checkout.stripe.com/c/pay/"
                      + id
                      + "\"}");
              return;
            }
            String id = rest.substring(1).split("/")[0];
            if (rest.endsWith("/expire")) {
              expired.add(id);
              sessionStates.put(id, "\"status\":\"expired\",\"payment_status\":\"unpaid\"");
            }
            String state = sessionStates.get(id);
            if (state == null) {
              answer(
                  exchange,
                  404,
                  "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\","
                      + "\"message\":\"No such checkout.session: "
                      + id
                      + "\"}}");
              return;
            }
            answer(
                exchange,
                200,
                "{\"id\":\"" + id + "\",\"object\":\"checkout.session\"," + state + "}");
          });
      server.createContext(
          "/v1/subscriptions/",
          exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/v1/subscriptions/".length());
            Map<String, String> fields = form(exchange);
            fields.put("id", id);
            fields.put("method", exchange.getRequestMethod());
            subscriptionUpdates.add(fields);
            answer(
                exchange,
                200,
                "{\"id\":\""
                    + id
                    + "\",\"object\":\"subscription\",\"status\":\"active\","
                    + "\"cancel_at_period_end\":"
                    + "true".equals(fields.get("cancel_at_period_end"))
                    + "}");
          });
      server.start();
    }

    private static Map<String, String> form(com.sun.net.httpserver.HttpExchange exchange)
        throws IOException {
      String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> fields = new java.util.LinkedHashMap<>();
      for (String pair : form.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        String[] parts = pair.split("=", 2);
        fields.put(
            URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
            parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
      }
      return fields;
    }

    private static void answer(
        com.sun.net.httpserver.HttpExchange exchange, int status, String json) throws IOException {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("Request-Id", "req_test");
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }
  }

  private static String event(String type, String sessionId, String paymentStatus) {
    return """
        {"id":"evt_%s","object":"event","api_version":"2025-01-27.acacia","created":%d,
         "type":"%s","livemode":false,"pending_webhooks":1,
         "data":{"object":{"id":"%s","object":"checkout.session","payment_status":"%s"}}}
        """
        .formatted(
            Long.toHexString(System.nanoTime()),
            System.currentTimeMillis() / 1000,
            type,
            sessionId,
            paymentStatus);
  }

  static String signature(String payload, String secret) {
    try {
      long timestamp = System.currentTimeMillis() / 1000;
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Response webhook(String payload, String signature) {
    return api.sendRaw(
        "POST",
        "/api/v1/payments/stripe/webhook",
        BodyPublishers.ofString(payload),
        "application/json",
        null,
        Map.of("Stripe-Signature", signature));
  }

  @Autowired StripeSweep sweep;
  @Autowired JdbcClient jdbc;

  private long balance(Session session) {
    return api.get("/api/v1/tokens/balance", session.accessToken()).json().get("balance").asLong();
  }

  private JsonNode buy(Session session, String packageId) {
    Response order =
        api.post(
            "/api/v1/tokens/purchase",
            Map.of("packageId", packageId, "gateway", "stripe"),
            session.accessToken());
    assertThat(order.status()).as(order.body()).isEqualTo(201);
    return order.json();
  }

  private String sessionOf(JsonNode order) {
    String url = order.get("checkoutUrl").asString();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  @Test
  void aCheckoutIsOpenedAndASignedCompletedWebhookCreditsOnce() {
    Session session = api.register();

    JsonNode order = buy(session, "builder-inr");

    assertThat(order.get("status").asString()).isEqualTo("created");
    assertThat(order.get("checkoutUrl").asString()).startsWith("https://checkout.stripe.com/");
    Map<String, String> sent = STRIPE.sessions.getLast();
    assertThat(sent)
        .containsEntry("mode", "payment")
        .containsEntry("client_reference_id", order.get("id").asString())
        .containsEntry("line_items[0][price_data][currency]", "inr")
        .containsEntry("line_items[0][price_data][unit_amount]", "149900")
        .containsEntry("authorization", "Bearer sk_test_123");
    assertThat(balance(session)).as("nothing before the payment").isEqualTo(50_000);

    String paid = event("checkout.session.completed", sessionOf(order), "paid");
    for (int i = 0; i < 5; i++) {
      assertThat(webhook(paid, signature(paid, WEBHOOK_SECRET)).status()).isEqualTo(200);
    }

    String orderPath = "/api/v1/tokens/orders/" + order.get("id").asString();
    Eventually.holds(
        () ->
            assertThat(api.get(orderPath, session.accessToken()).json().get("status").asString())
                .isEqualTo("credited"));
    assertThat(balance(session)).isEqualTo(50_000 + 2_000_000);

    // a late "expired" for the same session does not undo the payment
    String expired = event("checkout.session.expired", sessionOf(order), "unpaid");
    assertThat(webhook(expired, signature(expired, WEBHOOK_SECRET)).status()).isEqualTo(200);
    assertThat(api.get(orderPath, session.accessToken()).json().get("status").asString())
        .isEqualTo("credited");
  }

  @Test
  void aBadSignatureIsRefusedAndCreditsNothing() {
    Session session = api.register();
    JsonNode order = buy(session, "starter-usd");
    String paid = event("checkout.session.completed", sessionOf(order), "paid");

    Response forged = webhook(paid, signature(paid, "whsec_someone_else"));
    Response tampered =
        webhook(paid.replace("\"paid\"", "\"paid\" "), signature(paid, WEBHOOK_SECRET));
    Response unsigned =
        api.sendRaw(
            "POST",
            "/api/v1/payments/stripe/webhook",
            BodyPublishers.ofString(paid),
            "application/json",
            null,
            Map.of());

    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.json().get("code").asString()).isEqualTo("bad-webhook-signature");
    assertThat(tampered.status()).isEqualTo(400);
    assertThat(unsigned.status()).isEqualTo(400);
    assertThat(balance(session)).isEqualTo(50_000);
  }

  @Test
  void unpaidExpiredUnknownAndOtherEventsCreditNothing() {
    Session session = api.register();
    JsonNode order = buy(session, "starter-inr");
    String orderPath = "/api/v1/tokens/orders/" + order.get("id").asString();

    String unpaid = event("checkout.session.completed", sessionOf(order), "unpaid");
    String other = event("customer.created", "cus_123", "unpaid");
    String stranger = event("checkout.session.completed", "cs_test_not_ours", "paid");
    for (String payload : List.of(unpaid, other, stranger)) {
      assertThat(webhook(payload, signature(payload, WEBHOOK_SECRET)).status()).isEqualTo(200);
    }
    assertThat(balance(session)).isEqualTo(50_000);

    String expired = event("checkout.session.expired", sessionOf(order), "unpaid");
    webhook(expired, signature(expired, WEBHOOK_SECRET));
    Eventually.holds(
        () ->
            assertThat(api.get(orderPath, session.accessToken()).json().get("status").asString())
                .isEqualTo("expired"));
    String latePaid = event("checkout.session.completed", sessionOf(order), "paid");
    webhook(latePaid, signature(latePaid, WEBHOOK_SECRET));
    assertThat(balance(session)).as("an expired checkout is not paid").isEqualTo(50_000);
  }

  private static String paidWith(String sessionId, String paymentIntent) {
    return """
        {"id":"evt_%s","object":"event","api_version":"2025-01-27.acacia","created":%d,
         "type":"checkout.session.completed","livemode":false,"pending_webhooks":1,
         "data":{"object":{"id":"%s","object":"checkout.session","payment_status":"paid",
         "payment_intent":"%s"}}}
        """
        .formatted(
            Long.toHexString(System.nanoTime()),
            System.currentTimeMillis() / 1000,
            sessionId,
            paymentIntent);
  }

  private static String chargeRefunded(String paymentIntent, boolean full) {
    return """
        {"id":"evt_%s","object":"event","api_version":"2025-01-27.acacia","created":%d,
         "type":"charge.refunded","livemode":false,"pending_webhooks":1,
         "data":{"object":{"id":"ch_1","object":"charge","amount":149900,
         "amount_refunded":%d,"payment_intent":"%s","refunded":%s}}}
        """
        .formatted(
            Long.toHexString(System.nanoTime()),
            System.currentTimeMillis() / 1000,
            full ? 149_900 : 50_000,
            paymentIntent,
            full);
  }

  @Test
  void aFullRefundTakesTheTokensBackOnceAndAPartialOneChangesNothing() {
    Session session = api.register();
    JsonNode order = buy(session, "builder-inr");
    String orderPath = "/api/v1/tokens/orders/" + order.get("id").asString();
    String intent = "pi_" + Long.toHexString(System.nanoTime());
    String paid = paidWith(sessionOf(order), intent);
    webhook(paid, signature(paid, WEBHOOK_SECRET));
    Eventually.holds(() -> assertThat(balance(session)).isEqualTo(50_000 + 2_000_000));

    String partial = chargeRefunded(intent, false);
    webhook(partial, signature(partial, WEBHOOK_SECRET));
    String full = chargeRefunded(intent, true);
    for (int i = 0; i < 3; i++) {
      assertThat(webhook(full, signature(full, WEBHOOK_SECRET)).status()).isEqualTo(200);
    }

    Eventually.holds(
        () ->
            assertThat(api.get(orderPath, session.accessToken()).json().get("status").asString())
                .isEqualTo("refunded"));
    assertThat(balance(session)).isEqualTo(50_000);
    JsonNode refunds =
        api.get("/api/v1/tokens/history?kind=refund", session.accessToken()).json().get("items");
    assertThat(refunds).hasSize(1);
    assertThat(refunds.get(0).get("amount").asLong()).isEqualTo(-2_000_000);
  }

  /** Makes an order look opened some minutes ago, as the sweep finds a missed one. */
  private void age(JsonNode order, int minutes) {
    jdbc.sql("UPDATE token_orders SET created_at = :then WHERE id = :id")
        .param("then", java.time.OffsetDateTime.now().minusMinutes(minutes))
        .param("id", java.util.UUID.fromString(order.get("id").asString()))
        .update();
  }

  private String status(Session session, JsonNode order) {
    return api.get("/api/v1/tokens/orders/" + order.get("id").asString(), session.accessToken())
        .json()
        .get("status")
        .asString();
  }

  @Test
  void theSweepCreditsAPaidCheckoutWhoseWebhookNeverCameOnceAndClosesAnExpiredOne() {
    Session session = api.register();
    JsonNode paid = buy(session, "builder-inr");
    JsonNode expired = buy(session, "starter-inr");
    JsonNode young = buy(session, "starter-usd");
    String intent = "pi_" + Long.toHexString(System.nanoTime());
    STRIPE.sessionStates.put(
        sessionOf(paid),
        "\"status\":\"complete\",\"payment_status\":\"paid\",\"payment_intent\":\""
            + intent
            + "\"");
    STRIPE.sessionStates.put(
        sessionOf(expired), "\"status\":\"expired\",\"payment_status\":\"unpaid\"");
    STRIPE.sessionStates.put(
        sessionOf(young), "\"status\":\"complete\",\"payment_status\":\"paid\"");
    age(paid, 10);
    age(expired, 30);

    sweep.sweep();
    sweep.sweep();

    assertThat(status(session, paid)).isEqualTo("credited");
    assertThat(status(session, expired)).isEqualTo("expired");
    assertThat(status(session, young))
        .as("a checkout may still be open in the user's tab; its webhook is waited for")
        .isEqualTo("created");
    assertThat(balance(session)).isEqualTo(50_000 + 2_000_000);
    // the payment was remembered, so its refund finds the order
    String full = chargeRefunded(intent, true);
    webhook(full, signature(full, WEBHOOK_SECRET));
    Eventually.holds(() -> assertThat(status(session, paid)).isEqualTo("refunded"));
    assertThat(balance(session)).isEqualTo(50_000);
  }
}
