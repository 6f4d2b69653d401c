package com.bharatbuild.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.HttpTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Razorpay Orders through the real Razorpay SDK against a local server that answers like Razorpay's
 * API, Checkout's payment signature ({@code HMAC-SHA256(order_id|payment_id, key_secret)}) and
 * webhooks signed exactly as Razorpay signs them (hex {@code HMAC-SHA256(body, webhook_secret)} in
 * {@code X-Razorpay-Signature}).
 */
class RazorpayHttpTest extends HttpTest {

  private static final String KEY_ID = "rzp_test_key";
  private static final String KEY_SECRET = "rzp_test_key_secret";
  private static final String WEBHOOK_SECRET = "rzp_test_webhook_secret";
  private static final FakeRazorpay RAZORPAY = new FakeRazorpay();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired JdbcClient jdbc;
  @Autowired RazorpaySweep sweep;

  @DynamicPropertySource
  static void razorpay(DynamicPropertyRegistry registry) {
    registry.add("bharatbuild.billing.razorpay.key-id", () -> KEY_ID);
    registry.add("bharatbuild.billing.razorpay.key-secret", () -> KEY_SECRET);
    registry.add("bharatbuild.billing.razorpay.webhook-secret", () -> WEBHOOK_SECRET);
    RAZORPAY.redirectSdk();
  }

  // the SDK keeps its client pointed here: a later call in this JVM fails rather than reach
  // Razorpay
  @AfterAll
  static void stopRazorpay() {
    RAZORPAY.server.stop(0);
  }

  /**
   * Answers {@code POST /v1/orders} and {@code GET /v1/orders/{id}} as Razorpay does, remembering
   * what it was sent.
   *
   * <p>The SDK builds every URL from constants ({@code https://api.razorpay.com}) and sends it
   * through one static OkHttp client that it creates only when none is set. Setting that client
   * before the server starts, with an interceptor that sends {@code api.razorpay.com} here, leaves
   * everything else to the SDK's own code: its request body, Basic auth and response parsing.
   */
  static final class FakeRazorpay {
    final HttpServer server;
    final List<Map<String, Object>> orders = new CopyOnWriteArrayList<>();
    final Set<String> paid = ConcurrentHashMap.newKeySet();

    FakeRazorpay() {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/v1/orders", this::orders);
      server.start();
    }

    private void orders(HttpExchange exchange) throws IOException {
      String expected =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((KEY_ID + ":" + KEY_SECRET).getBytes(StandardCharsets.UTF_8));
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (!expected.equals(authorization)) {
        respond(
            exchange,
            401,
            """
            {"error":{"code":"BAD_REQUEST_ERROR","description":"Authentication failed",
             "source":"NA","step":"NA","reason":"NA","metadata":{}}}
            """);
      } else if (exchange.getRequestMethod().equals("GET")) {
        fetchOrder(exchange);
      } else {
        createOrder(exchange, authorization);
      }
    }

    private void fetchOrder(HttpExchange exchange) throws IOException {
      String path = exchange.getRequestURI().getPath();
      String id = path.substring(path.lastIndexOf('/') + 1);
      Map<String, Object> order =
          orders.stream().filter(o -> o.get("id").equals(id)).findFirst().orElse(null);
      if (order == null) {
        respond(
            exchange,
            400,
            """
            {"error":{"code":"BAD_REQUEST_ERROR","description":"The id provided does not exist",
             "source":"business","step":"payment_initiation","reason":"input_validation_failed",
             "metadata":{}}}
            """);
        return;
      }
      long amount = (Long) order.get("amount");
      boolean isPaid = paid.contains(id);
      respond(
          exchange,
          200,
          """
          {"id":"%s","entity":"order","amount":%d,"amount_paid":%d,"amount_due":%d,
           "currency":"%s","receipt":"%s","offer_id":null,"status":"%s","attempts":%d,
           "notes":{"order_id":"%s"},"created_at":%d}
          """
              .formatted(
                  id,
                  amount,
                  isPaid ? amount : 0,
                  isPaid ? 0 : amount,
                  order.get("currency"),
                  order.get("receipt"),
                  isPaid ? "paid" : "created",
                  isPaid ? 1 : 0,
                  order.get("notes.order_id"),
                  System.currentTimeMillis() / 1000));
    }

    private void createOrder(HttpExchange exchange, String authorization) throws IOException {
      JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
      String id = "order_" + Long.toHexString(System.nanoTime());
      orders.add(
          Map.of(
              "id", id,
              "amount", request.path("amount").asLong(),
              "currency", request.path("currency").asString(),
              "receipt", request.path("receipt").asString(),
              "notes.order_id", request.path("notes").path("order_id").asString(),
              "authorization", authorization));
      respond(
          exchange,
          200,
          """
          {"id":"%s","entity":"order","amount":%d,"amount_paid":0,"amount_due":%d,
           "currency":"%s","receipt":"%s","offer_id":null,"status":"created","attempts":0,
           "notes":%s,"created_at":%d}
          """
              .formatted(
                  id,
                  request.path("amount").asLong(),
                  request.path("amount").asLong(),
                  request.path("currency").asString(),
                  request.path("receipt").asString(),
                  request.path("notes").toString(),
                  System.currentTimeMillis() / 1000));
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    }

    void redirectSdk() {
      int port = server.getAddress().getPort();
      OkHttpClient toFake =
          new OkHttpClient.Builder()
              .addInterceptor(
                  chain -> {
                    HttpUrl url = chain.request().url();
                    if (!url.host().equals("api.razorpay.com")) {
                      throw new IOException("The SDK called " + url.host());
                    }
                    HttpUrl local =
                        url.newBuilder().scheme("http").host("127.0.0.1").port(port).build();
                    return chain.proceed(chain.request().newBuilder().url(local).build());
                  })
              .build();
      try {
        Field client = Class.forName("com.razorpay.ApiUtils").getDeclaredField("client");
        client.setAccessible(true);
        client.set(null, toFake);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Razorpay's SDK no longer keeps its client there", e);
      }
    }

    Map<String, Object> order(String id) {
      return orders.stream().filter(o -> o.get("id").equals(id)).findFirst().orElseThrow();
    }
  }

  private static String hmac(String payload, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String paymentEvent(String type, String razorpayOrderId, String status) {
    return """
        {"entity":"event","account_id":"acc_test","event":"%s","contains":["payment"],
         "payload":{"payment":{"entity":{"id":"pay_%s","entity":"payment","amount":49900,
         "currency":"INR","status":"%s","order_id":"%s","method":"upi","captured":%s,
         "error_code":null,"created_at":%d}}},"created_at":%d}
        """
        .formatted(
            type,
            Long.toHexString(System.nanoTime()),
            status,
            razorpayOrderId,
            status.equals("captured"),
            System.currentTimeMillis() / 1000,
            System.currentTimeMillis() / 1000);
  }

  private static String orderPaidEvent(String razorpayOrderId) {
    return """
        {"entity":"event","account_id":"acc_test","event":"order.paid",
         "contains":["payment","order"],
         "payload":{"payment":{"entity":{"id":"pay_%s","entity":"payment","amount":49900,
         "currency":"INR","status":"captured","order_id":"%s","captured":true}},
         "order":{"entity":{"id":"%s","entity":"order","amount":49900,"amount_paid":49900,
         "amount_due":0,"currency":"INR","status":"paid","attempts":1}}},"created_at":%d}
        """
        .formatted(
            Long.toHexString(System.nanoTime()),
            razorpayOrderId,
            razorpayOrderId,
            System.currentTimeMillis() / 1000);
  }

  private Response webhook(String payload, Map<String, String> headers) {
    return api.sendRaw(
        "POST",
        "/api/v1/payments/razorpay/webhook",
        BodyPublishers.ofString(payload),
        "application/json",
        null,
        headers);
  }

  private Response webhook(String payload) {
    return webhook(
        payload,
        Map.of(
            "X-Razorpay-Signature",
            hmac(payload, WEBHOOK_SECRET),
            "X-Razorpay-Event-Id",
            "evt_" + UUID.randomUUID()));
  }

  private Response confirm(Session session, JsonNode order, String razorpayOrderId, String sig) {
    return api.post(
        "/api/v1/tokens/orders/" + order.get("id").asString() + "/razorpay",
        Map.of(
            "razorpay_order_id", razorpayOrderId,
            "razorpay_payment_id", "pay_test123",
            "razorpay_signature", sig),
        session.accessToken());
  }

  private long balance(Session session) {
    return api.get("/api/v1/tokens/balance", session.accessToken()).json().get("balance").asLong();
  }

  private String status(Session session, JsonNode order) {
    return api.get("/api/v1/tokens/orders/" + order.get("id").asString(), session.accessToken())
        .json()
        .get("status")
        .asString();
  }

  private JsonNode buy(Session session, String packageId) {
    Response order =
        api.post(
            "/api/v1/tokens/purchase",
            Map.of("packageId", packageId, "gateway", "razorpay"),
            session.accessToken());
    assertThat(order.status()).as(order.body()).isEqualTo(201);
    return order.json();
  }

  private static String razorpayOrder(JsonNode order) {
    return order.get("razorpay").get("orderId").asString();
  }

  @Test
  void anOrderIsOpenedAtRazorpayAndCheckoutsSignedPaymentCreditsOnce() {
    Session session = api.register();

    JsonNode order = buy(session, "builder-inr");

    assertThat(order.get("status").asString()).isEqualTo("created");
    assertThat(order.get("checkoutUrl").isNull()).isTrue();
    JsonNode checkout = order.get("razorpay");
    assertThat(checkout.get("keyId").asString()).isEqualTo(KEY_ID);
    assertThat(checkout.get("amount").asLong()).isEqualTo(149_900);
    assertThat(checkout.get("currency").asString()).isEqualTo("INR");
    String orderId = order.get("id").asString();
    assertThat(RAZORPAY.order(razorpayOrder(order)))
        .containsEntry("amount", 149_900L)
        .containsEntry("currency", "INR")
        .containsEntry("receipt", orderId)
        .containsEntry("notes.order_id", orderId)
        .containsEntry(
            "authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((KEY_ID + ":" + KEY_SECRET).getBytes(StandardCharsets.UTF_8)));
    assertThat(balance(session)).as("nothing before the payment").isEqualTo(50_000);

    String proof = hmac(razorpayOrder(order) + "|pay_test123", KEY_SECRET);
    for (int i = 0; i < 3; i++) {
      Response confirmed = confirm(session, order, razorpayOrder(order), proof);
      assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
      assertThat(confirmed.json().get("status").asString()).isEqualTo("credited");
    }
    // the webhooks for the same payment arrive afterwards, some of them twice
    String captured = paymentEvent("payment.captured", razorpayOrder(order), "captured");
    for (int i = 0; i < 5; i++) {
      assertThat(webhook(captured).status()).isEqualTo(200);
    }
    assertThat(webhook(orderPaidEvent(razorpayOrder(order))).status()).isEqualTo(200);

    assertThat(balance(session)).isEqualTo(50_000 + 2_000_000);
    JsonNode purchases =
        api.get("/api/v1/tokens/history?kind=purchase", session.accessToken()).json();
    assertThat(purchases.get("total").asLong()).isEqualTo(1);
  }

  @Test
  void aForgedOrBorrowedPaymentSignatureIsRefusedAndCreditsNothing() {
    Session session = api.register();
    JsonNode order = buy(session, "starter-inr");
    JsonNode other = buy(session, "starter-inr");
    String rzp = razorpayOrder(order);

    Response forged = confirm(session, order, rzp, hmac(rzp + "|pay_test123", "not_our_secret"));
    Response webhookSecret =
        confirm(session, order, rzp, hmac(rzp + "|pay_test123", WEBHOOK_SECRET));
    Response otherPayment = confirm(session, order, rzp, hmac(rzp + "|pay_other", KEY_SECRET));
    // a real proof for the user's other order does not pay for this one
    String otherRzp = razorpayOrder(other);
    Response borrowed =
        confirm(session, order, otherRzp, hmac(otherRzp + "|pay_test123", KEY_SECRET));

    for (Response refused : List.of(forged, webhookSecret, otherPayment, borrowed)) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.json().get("code").asString()).isEqualTo("bad-payment-signature");
    }
    assertThat(balance(session)).isEqualTo(50_000);
    assertThat(status(session, order)).isEqualTo("created");
    assertThat(status(session, other)).isEqualTo("created");
  }

  @Test
  void anotherUsersOrderIsNotFound() {
    Session owner = api.register();
    Session stranger = api.register();
    JsonNode order = buy(owner, "starter-inr");
    String rzp = razorpayOrder(order);

    Response confirmed = confirm(stranger, order, rzp, hmac(rzp + "|pay_test123", KEY_SECRET));
    Response viewed =
        api.get("/api/v1/tokens/orders/" + order.get("id").asString(), stranger.accessToken());

    assertThat(confirmed.status()).isEqualTo(404);
    assertThat(viewed.status()).isEqualTo(404);
    assertThat(balance(stranger)).isEqualTo(50_000);
    assertThat(balance(owner)).isEqualTo(50_000);
    assertThat(status(owner, order)).isEqualTo("created");
  }

  @Test
  void theSameCapturedWebhookFiveTimesCreditsOnce() {
    Session session = api.register();
    JsonNode order = buy(session, "starter-inr");

    String captured = paymentEvent("payment.captured", razorpayOrder(order), "captured");
    for (int i = 0; i < 5; i++) {
      Response delivered = webhook(captured);
      assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
    }

    assertThat(balance(session)).isEqualTo(50_000 + 500_000);
    assertThat(status(session, order)).isEqualTo("credited");
  }

  @Test
  void aWebhookWithABadSignatureIsRefusedAndCreditsNothing() {
    Session session = api.register();
    JsonNode order = buy(session, "starter-inr");
    String captured = paymentEvent("payment.captured", razorpayOrder(order), "captured");

    Response forged =
        webhook(captured, Map.of("X-Razorpay-Signature", hmac(captured, "someone_else")));
    Response withKeySecret =
        webhook(captured, Map.of("X-Razorpay-Signature", hmac(captured, KEY_SECRET)));
    Response tampered =
        webhook(
            captured.replace("\"captured\"", "\"captured\" "),
            Map.of("X-Razorpay-Signature", hmac(captured, WEBHOOK_SECRET)));
    Response unsigned = webhook(captured, Map.of());

    for (Response refused : List.of(forged, withKeySecret, tampered, unsigned)) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.json().get("code").asString()).isEqualTo("bad-webhook-signature");
    }
    assertThat(balance(session)).isEqualTo(50_000);
    assertThat(status(session, order)).isEqualTo("created");
  }

  @Test
  void aLateFailureLeavesAPaidOrderCreditedAndARetriedPaymentStillCredits() {
    Session session = api.register();
    JsonNode paidFirst = buy(session, "starter-inr");
    JsonNode failedFirst = buy(session, "starter-inr");

    webhook(paymentEvent("payment.captured", razorpayOrder(paidFirst), "captured"));
    webhook(paymentEvent("payment.failed", razorpayOrder(paidFirst), "failed"));
    assertThat(status(session, paidFirst)).isEqualTo("credited");

    // the first attempt fails; Checkout keeps the order open and the second attempt is captured
    webhook(paymentEvent("payment.failed", razorpayOrder(failedFirst), "failed"));
    assertThat(status(session, failedFirst)).isEqualTo("failed");
    webhook(paymentEvent("payment.captured", razorpayOrder(failedFirst), "captured"));
    webhook(paymentEvent("payment.failed", razorpayOrder(failedFirst), "failed"));
    assertThat(status(session, failedFirst)).isEqualTo("credited");

    assertThat(balance(session)).isEqualTo(50_000 + 2 * 500_000);
  }

  @Test
  void unknownEventsAndOtherAccountsOrdersAreAcknowledgedAndChangeNothing() {
    Session session = api.register();
    JsonNode order = buy(session, "starter-inr");

    String unknown =
        """
        {"entity":"event","account_id":"acc_test","event":"refund.created","contains":["refund"],
         "payload":{"refund":{"entity":{"id":"rfnd_1","payment_id":"pay_1","amount":100}}},
         "created_at":1700000000}
        """;
    String authorized = paymentEvent("payment.authorized", razorpayOrder(order), "authorized");
    String stranger = paymentEvent("payment.captured", "order_not_ours", "captured");
    String noOrder = paymentEvent("payment.captured", "", "captured");
    for (String payload : List.of(unknown, authorized, stranger, noOrder)) {
      Response delivered = webhook(payload);
      assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
    }

    assertThat(balance(session)).isEqualTo(50_000);
    assertThat(status(session, order)).isEqualTo("created");
  }

  @Test
  void anOrderLeftPaidButNotCreditedIsCreditedOnceByTheNextDelivery() {
    Session session = api.register();
    JsonNode order = buy(session, "starter-inr");
    // as a crash after recording the payment and before crediting it would leave it
    jdbc.sql("UPDATE token_orders SET status = 'paid' WHERE id = :id")
        .param("id", UUID.fromString(order.get("id").asString()))
        .update();

    for (int i = 0; i < 5; i++) {
      webhook(orderPaidEvent(razorpayOrder(order)));
    }

    assertThat(status(session, order)).isEqualTo("credited");
    assertThat(balance(session)).isEqualTo(50_000 + 500_000);
  }

  @Test
  void theSweepCreditsOnceAnOrderRazorpayHasAsPaidWhenNoProofArrived() {
    Session session = api.register();
    JsonNode paid = buy(session, "starter-inr");
    JsonNode unpaid = buy(session, "starter-inr");
    JsonNode recent = buy(session, "starter-inr");
    // the browser was closed after paying and the webhook never came
    RAZORPAY.paid.add(razorpayOrder(paid));
    RAZORPAY.paid.add(razorpayOrder(recent));
    for (JsonNode order : List.of(paid, unpaid)) {
      jdbc.sql(
              "UPDATE token_orders SET created_at = created_at - INTERVAL '10' MINUTE"
                  + " WHERE id = :id")
          .param("id", UUID.fromString(order.get("id").asString()))
          .update();
    }

    // an order Razorpay no longer knows, looked at first, holds up none of the others
    JsonNode gone = buy(session, "starter-inr");
    jdbc.sql(
            "UPDATE token_orders SET created_at = created_at - INTERVAL '20' MINUTE,"
                + " gateway_ref = :ref WHERE id = :id")
        .param("ref", "order_gone_" + UUID.randomUUID())
        .param("id", UUID.fromString(gone.get("id").asString()))
        .update();

    sweep.sweep();
    sweep.sweep();

    assertThat(status(session, paid)).isEqualTo("credited");
    assertThat(status(session, unpaid)).isEqualTo("created");
    assertThat(status(session, gone)).isEqualTo("created");
    assertThat(status(session, recent)).as("younger than the sweep looks at").isEqualTo("created");
    assertThat(balance(session)).isEqualTo(50_000 + 500_000);
  }

  private static String refundEvent(String razorpayOrderId, String refundStatus, long refunded) {
    return """
        {"entity":"event","account_id":"acc_test","event":"refund.processed",
         "contains":["refund","payment"],
         "payload":{"refund":{"entity":{"id":"rfnd_%s","entity":"refund","amount":%d,
         "currency":"INR","payment_id":"pay_1","status":"processed"}},
         "payment":{"entity":{"id":"pay_1","entity":"payment","amount":49900,"currency":"INR",
         "status":"refunded","order_id":"%s","amount_refunded":%d,"refund_status":"%s",
         "captured":true}}},"created_at":%d}
        """
        .formatted(
            Long.toHexString(System.nanoTime()),
            refunded,
            razorpayOrderId,
            refunded,
            refundStatus,
            System.currentTimeMillis() / 1000);
  }

  @Test
  void aFullRefundTakesTheTokensBackOnceAndAPartialOneChangesNothing() {
    Session session = api.register();
    JsonNode order = buy(session, "starter-inr");
    webhook(paymentEvent("payment.captured", razorpayOrder(order), "captured"));
    assertThat(balance(session)).isEqualTo(50_000 + 500_000);

    webhook(refundEvent(razorpayOrder(order), "partial", 10_000));
    assertThat(balance(session)).as("a partial refund is an admin's call").isEqualTo(550_000);
    assertThat(status(session, order)).isEqualTo("credited");

    String full = refundEvent(razorpayOrder(order), "full", 49_900);
    for (int i = 0; i < 3; i++) {
      assertThat(webhook(full).status()).isEqualTo(200);
    }

    assertThat(balance(session)).isEqualTo(50_000);
    assertThat(status(session, order)).isEqualTo("refunded");
    JsonNode history =
        api.get("/api/v1/tokens/history?kind=refund", session.accessToken()).json().get("items");
    assertThat(history).hasSize(1);
    assertThat(history.get(0).get("amount").asLong()).isEqualTo(-500_000);
    // a late capture of the refunded payment does not credit it again
    webhook(paymentEvent("payment.captured", razorpayOrder(order), "captured"));
    assertThat(balance(session)).isEqualTo(50_000);
  }
}
