package com.bharatbuild.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.Eventually;
import com.bharatbuild.support.HttpTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Subscriptions billed by Stripe, through the real SDK against a fake Stripe API and webhooks
 * signed as Stripe signs them: a pending subscription until its checkout is paid, each invoice's
 * period granted once whatever the order and repetition of events, cancelling at Stripe, and the
 * renewal job leaving Stripe's subscriptions to Stripe.
 */
class StripeSubscriptionHttpTest extends HttpTest {

  private static final String WEBHOOK_SECRET = "whsec_subscription_secret";
  private static final StripeHttpTest.FakeStripe STRIPE = new StripeHttpTest.FakeStripe();
  private static final long PRO = 3_000_000;
  private static final long DAY = 86_400;

  @Autowired SubscriptionService subscriptions;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void stripe(DynamicPropertyRegistry registry) {
    registry.add("bharatbuild.billing.stripe.secret-key", () -> "sk_test_subs");
    registry.add("bharatbuild.billing.stripe.webhook-secret", () -> WEBHOOK_SECRET);
    registry.add("bharatbuild.billing.stripe.api-base", STRIPE::url);
  }

  private static String event(String type, String object) {
    return """
        {"id":"evt_%s","object":"event","api_version":"2026-07-29.dahlia","created":%d,
         "type":"%s","livemode":false,"pending_webhooks":1,"data":{"object":%s}}
        """
        .formatted(
            Long.toHexString(System.nanoTime()), System.currentTimeMillis() / 1000, type, object);
  }

  private static String completed(String sessionId, String ourId, String stripeSubscription) {
    return event(
        "checkout.session.completed",
        """
        {"id":"%s","object":"checkout.session","mode":"subscription","payment_status":"paid",
         "status":"complete","client_reference_id":"%s","subscription":"%s"}
        """
            .formatted(sessionId, ourId, stripeSubscription));
  }

  /** An invoice as Stripe's current API shapes it: the subscription under parent. */
  private static String invoice(
      String type, String stripeSubscription, String ourId, long start, String reason) {
    return event(
        type,
        """
        {"id":"in_%s","object":"invoice","billing_reason":"%s","period_start":%d,"period_end":%d,
         "parent":{"type":"subscription_details","subscription_details":{
           "subscription":"%s","metadata":{"subscription_id":"%s"}}},
         "lines":{"object":"list","data":[{"id":"il_1","object":"line_item",
           "period":{"start":%d,"end":%d}}]}}
        """
            .formatted(
                Long.toHexString(System.nanoTime()),
                reason,
                start,
                start,
                stripeSubscription,
                ourId,
                start,
                start + 30 * DAY));
  }

  /** An invoice as Stripe's APIs before 2025-03-31 shaped it: the subscription at the top. */
  private static String legacyInvoice(String type, String stripeSubscription, long start) {
    return event(
        type,
        """
        {"id":"in_%s","object":"invoice","billing_reason":"subscription_cycle",
         "subscription":"%s","period_start":%d,"period_end":%d,
         "lines":{"object":"list","data":[{"id":"il_1","object":"line_item",
           "period":{"start":%d,"end":%d}}]}}
        """
            .formatted(
                Long.toHexString(System.nanoTime()),
                stripeSubscription,
                start - 30 * DAY,
                start,
                start,
                start + 30 * DAY));
  }

  private static String stripeSubscription(String type, String id, boolean cancelAtPeriodEnd) {
    return event(
        type,
        """
        {"id":"%s","object":"subscription","status":"active","cancel_at_period_end":%s,
         "metadata":{}}
        """
            .formatted(id, cancelAtPeriodEnd));
  }

  private Response webhook(String payload) {
    return webhook(payload, StripeHttpTest.signature(payload, WEBHOOK_SECRET));
  }

  private Response webhook(String payload, String signature) {
    Response response =
        api.sendRaw(
            "POST",
            "/api/v1/payments/stripe/webhook",
            BodyPublishers.ofString(payload),
            "application/json",
            null,
            Map.of("Stripe-Signature", signature));
    return response;
  }

  private long balance(Session session) {
    return api.get("/api/v1/tokens/balance", session.accessToken()).json().get("balance").asLong();
  }

  private JsonNode subscription(Session session) {
    return api.get("/api/v1/tokens/subscription", session.accessToken()).json();
  }

  private JsonNode subscribe(Session session, String planId) {
    Response created =
        api.post(
            "/api/v1/tokens/subscription",
            Map.of("planId", planId, "gateway", "stripe"),
            session.accessToken());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  private static String sessionOf(JsonNode subscription) {
    String url = subscription.get("checkoutUrl").asString();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /** Subscribes and pays the checkout: Stripe's subscription and its first invoice. */
  private String paidSubscription(Session session, long periodStart) {
    JsonNode pending = subscribe(session, "pro-usd");
    String ours = pending.get("id").asString();
    String stripeId = "sub_" + Long.toHexString(System.nanoTime());
    assertThat(webhook(completed(sessionOf(pending), ours, stripeId)).status()).isEqualTo(200);
    webhook(invoice("invoice.paid", stripeId, ours, periodStart, "subscription_create"));
    Eventually.holds(() -> assertThat(balance(session)).isEqualTo(50_000 + PRO));
    return stripeId;
  }

  private static Instant periodStart(JsonNode subscription) {
    return OffsetDateTime.parse(subscription.get("currentPeriodStart").asString()).toInstant();
  }

  @Test
  void aSubscriptionIsPendingUntilItsFirstInvoiceIsPaidThenEachPeriodIsGrantedOnce() {
    Session session = api.register();

    JsonNode pending = subscribe(session, "pro-usd");

    assertThat(pending.get("status").asString()).isEqualTo("pending");
    assertThat(pending.get("gateway").asString()).isEqualTo("stripe");
    assertThat(pending.get("checkoutUrl").asString()).startsWith("https://checkout.stripe.com/");
    String ours = pending.get("id").asString();
    Map<String, String> sent = STRIPE.sessions.getLast();
    assertThat(sent)
        .containsEntry("mode", "subscription")
        .containsEntry("client_reference_id", ours)
        .containsEntry("metadata[subscription_id]", ours)
        .containsEntry("subscription_data[metadata][subscription_id]", ours)
        .containsEntry("line_items[0][price_data][currency]", "usd")
        .containsEntry("line_items[0][price_data][unit_amount]", "1200")
        .containsEntry("line_items[0][price_data][recurring][interval]", "month")
        .containsEntry("authorization", "Bearer sk_test_subs")
        .containsKey("expires_at");
    assertThat(balance(session)).as("nothing before the payment").isEqualTo(50_000);

    String stripeId = "sub_" + Long.toHexString(System.nanoTime());
    assertThat(webhook(completed(sessionOf(pending), ours, stripeId)).status()).isEqualTo(200);
    assertThat(subscription(session).get("status").asString())
        .as("the checkout's completion is not the invoice's payment")
        .isEqualTo("pending");
    long first = Instant.now().getEpochSecond();
    String paid = invoice("invoice.paid", stripeId, ours, first, "subscription_create");
    for (int i = 0; i < 3; i++) {
      assertThat(webhook(paid).status()).isEqualTo(200);
    }
    Eventually.holds(
        () -> assertThat(subscription(session).get("status").asString()).isEqualTo("active"));
    JsonNode active = subscription(session);
    assertThat(active.get("checkoutUrl").isNull()).isTrue();
    assertThat(periodStart(active)).isEqualTo(Instant.ofEpochSecond(first));
    assertThat(balance(session)).isEqualTo(50_000 + PRO);

    // the next period, in the shape of Stripe's older API versions
    long second = first + 30 * DAY;
    webhook(legacyInvoice("invoice.paid", stripeId, second));
    Eventually.holds(() -> assertThat(balance(session)).isEqualTo(50_000 + 2 * PRO));
    // the first invoice delivered late grants nothing and does not move the period back
    webhook(paid);
    assertThat(periodStart(subscription(session))).isEqualTo(Instant.ofEpochSecond(second));

    // the renewal job leaves Stripe's subscriptions to Stripe's invoices
    jdbc.sql("UPDATE user_subscriptions SET expires_at = :past WHERE id = :id")
        .param("past", OffsetDateTime.now().minusMinutes(1))
        .param("id", java.util.UUID.fromString(ours))
        .update();
    subscriptions.renewDue();
    assertThat(balance(session)).isEqualTo(50_000 + 2 * PRO);
    assertThat(subscription(session).get("status").asString()).isEqualTo("active");
    assertThat(
            api.get("/api/v1/tokens/history?kind=subscription", session.accessToken())
                .json()
                .get("total")
                .asLong())
        .isEqualTo(2);
  }

  @Test
  void anInvoiceBeforeTheCheckoutsCompletionFindsItsSubscriptionByMetadata() {
    Session session = api.register();
    JsonNode pending = subscribe(session, "pro-inr");
    String ours = pending.get("id").asString();
    assertThat(STRIPE.sessions.getLast())
        .containsEntry("line_items[0][price_data][currency]", "inr")
        .containsEntry("line_items[0][price_data][unit_amount]", "99900");
    String stripeId = "sub_" + Long.toHexString(System.nanoTime());

    webhook(
        invoice(
            "invoice.paid", stripeId, ours, Instant.now().getEpochSecond(), "subscription_create"));
    Eventually.holds(() -> assertThat(balance(session)).isEqualTo(50_000 + PRO));
    webhook(completed(sessionOf(pending), ours, stripeId));

    // Stripe's id was learnt from the invoice: cancelling reaches that subscription
    Response cancelled = api.delete("/api/v1/tokens/subscription", session.accessToken());
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(STRIPE.subscriptionUpdates.getLast()).containsEntry("id", stripeId);
  }

  @Test
  void aFailedRenewalIsPastDueAndGrantsNothingUntilItsInvoiceIsPaid() {
    Session session = api.register();
    long first = Instant.now().getEpochSecond();
    String stripeId = paidSubscription(session, first);
    String ours = subscription(session).get("id").asString();

    // a failed attempt at the period already paid, delivered late, changes nothing
    webhook(invoice("invoice.payment_failed", stripeId, ours, first, "subscription_create"));
    long second = first + 30 * DAY;
    webhook(invoice("invoice.payment_failed", stripeId, ours, second, "subscription_cycle"));

    Eventually.holds(
        () -> assertThat(subscription(session).get("status").asString()).isEqualTo("past_due"));
    assertThat(balance(session)).isEqualTo(50_000 + PRO);

    webhook(invoice("invoice.paid", stripeId, ours, second, "subscription_cycle"));
    Eventually.holds(
        () -> assertThat(subscription(session).get("status").asString()).isEqualTo("active"));
    assertThat(balance(session)).isEqualTo(50_000 + 2 * PRO);
  }

  @Test
  void cancellingTellsStripeAndADeletedSubscriptionStaysEnded() {
    Session session = api.register();
    String stripeId = paidSubscription(session, Instant.now().getEpochSecond());

    Response cancelled = api.delete("/api/v1/tokens/subscription", session.accessToken());

    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asString()).isEqualTo("active");
    assertThat(cancelled.json().get("autoRenew").asBoolean()).isFalse();
    assertThat(STRIPE.subscriptionUpdates.getLast())
        .containsEntry("id", stripeId)
        .containsEntry("method", "POST")
        .containsEntry("cancel_at_period_end", "true");

    webhook(stripeSubscription("customer.subscription.updated", stripeId, true));
    webhook(stripeSubscription("customer.subscription.deleted", stripeId, true));
    Eventually.holds(
        () -> assertThat(subscription(session).get("status").asString()).isEqualTo("expired"));
    // a late update from before the cancellation does not bring it back
    webhook(stripeSubscription("customer.subscription.updated", stripeId, false));
    JsonNode ended = subscription(session);
    assertThat(ended.get("status").asString()).isEqualTo("expired");
    assertThat(ended.get("autoRenew").asBoolean()).isFalse();
    assertThat(api.delete("/api/v1/tokens/subscription", session.accessToken()).status())
        .isEqualTo(404);
  }

  @Test
  void aSubscriptionCancelledInStripesPortalStopsRenewing() {
    Session session = api.register();
    String stripeId = paidSubscription(session, Instant.now().getEpochSecond());

    webhook(stripeSubscription("customer.subscription.updated", stripeId, true));

    Eventually.holds(
        () -> assertThat(subscription(session).get("autoRenew").asBoolean()).isFalse());
    assertThat(subscription(session).get("status").asString()).isEqualTo("active");
  }

  @Test
  void aPendingSubscriptionIsAnsweredAgainAndCancellingItClosesItsCheckout() {
    Session session = api.register();
    JsonNode pending = subscribe(session, "pro-usd");

    JsonNode again = subscribe(session, "pro-usd");
    Response other =
        api.post(
            "/api/v1/tokens/subscription",
            Map.of("planId", "pro-inr", "gateway", "stripe"),
            session.accessToken());

    assertThat(again.get("id").asString()).isEqualTo(pending.get("id").asString());
    assertThat(again.get("checkoutUrl").asString())
        .isEqualTo(pending.get("checkoutUrl").asString());
    assertThat(other.status()).isEqualTo(409);

    Response cancelled = api.delete("/api/v1/tokens/subscription", session.accessToken());
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asString()).isEqualTo("expired");
    assertThat(STRIPE.expired).contains(sessionOf(pending));

    // an expired checkout gives a pending subscription up too
    JsonNode next = subscribe(session, "pro-inr");
    webhook(
        event(
            "checkout.session.expired",
            """
            {"id":"%s","object":"checkout.session","mode":"subscription","status":"expired",
             "payment_status":"unpaid"}
            """
                .formatted(sessionOf(next))));
    Eventually.holds(
        () -> assertThat(subscription(session).get("status").asString()).isEqualTo("expired"));
    assertThat(balance(session)).isEqualTo(50_000);
  }

  @Test
  void aBadSignatureIsRefusedAndGrantsNothing() {
    Session session = api.register();
    JsonNode pending = subscribe(session, "pro-usd");
    String paid =
        invoice(
            "invoice.paid",
            "sub_forged",
            pending.get("id").asString(),
            Instant.now().getEpochSecond(),
            "subscription_create");

    Response forged = webhook(paid, StripeHttpTest.signature(paid, "whsec_someone_else"));

    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.json().get("code").asString()).isEqualTo("bad-webhook-signature");
    assertThat(balance(session)).isEqualTo(50_000);
    assertThat(subscription(session).get("status").asString()).isEqualTo("pending");
  }

  @Test
  void aGatewayThatCannotBillSubscriptionsIsRefused() {
    Session session = api.register();

    Response razorpay =
        api.post(
            "/api/v1/tokens/subscription",
            Map.of("planId", "pro-inr", "gateway", "razorpay"),
            session.accessToken());

    assertThat(razorpay.status()).isEqualTo(400);
    assertThat(razorpay.json().get("code").asString()).isEqualTo("gateway-unavailable");
  }
}
