package com.bharatbuild.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.HttpTest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Plans, subscribing, cancelling, and renewals that grant each period once. */
@TestPropertySource(properties = "bharatbuild.billing.manual-gateway=true")
class SubscriptionHttpTest extends HttpTest {

  @Autowired SubscriptionService subscriptions;
  @Autowired JdbcClient jdbc;

  private long balance(Session session) {
    return api.get("/api/v1/tokens/balance", session.accessToken()).json().get("balance").asLong();
  }

  private JsonNode subscribe(Session session) {
    Response created =
        api.post("/api/v1/tokens/subscription", Map.of("planId", "pro-inr"), session.accessToken());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  /** Moves the subscription's period end into the past, as time passing would. */
  private void endPeriod(Session session) {
    jdbc.sql(
            """
            UPDATE user_subscriptions SET expires_at = :past, current_period_start = :start
            WHERE user_id = :user AND status = 'active'
            """)
        .param("past", OffsetDateTime.now().minusMinutes(1))
        .param("start", OffsetDateTime.now().minusDays(30).minusMinutes(1))
        .param("user", session.userId())
        .update();
  }

  @Test
  void plansAreListed() {
    Session session = api.register();

    JsonNode plans = api.get("/api/v1/tokens/plans", session.accessToken()).json();

    assertThat(plans.findValuesAsString("id")).contains("pro-inr", "pro-usd");
    assertThat(plans.get(0).get("tokens").asLong()).isEqualTo(3_000_000);
  }

  @Test
  void subscribingGrantsTheFirstPeriodAndARenewalGrantsTheNextOnce() throws Exception {
    Session session = api.register();

    JsonNode subscription = subscribe(session);

    assertThat(subscription.get("status").asString()).isEqualTo("active");
    assertThat(subscription.get("autoRenew").asBoolean()).isTrue();
    assertThat(balance(session)).isEqualTo(50_000 + 3_000_000);

    endPeriod(session);
    // two instances (or a retry) renewing at the same moment grant the period once
    List<Future<Integer>> runs = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 4; i++) {
        runs.add(pool.submit(subscriptions::renewDue));
      }
    }
    for (Future<Integer> run : runs) {
      run.get();
    }
    subscriptions.renewDue();

    assertThat(balance(session)).isEqualTo(50_000 + 2 * 3_000_000);
    JsonNode renewed = api.get("/api/v1/tokens/subscription", session.accessToken()).json();
    assertThat(OffsetDateTime.parse(renewed.get("currentPeriodEnd").asString()))
        .isAfter(OffsetDateTime.now().plusDays(29));
    assertThat(
            api.get("/api/v1/tokens/history?kind=subscription", session.accessToken())
                .json()
                .get("total")
                .asLong())
        .isEqualTo(2);
  }

  @Test
  void aCancelledSubscriptionRunsToItsPeriodEndThenExpiresWithoutAGrant() {
    Session session = api.register();
    subscribe(session);

    Response cancelled = api.delete("/api/v1/tokens/subscription", session.accessToken());
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asString()).isEqualTo("active");
    assertThat(cancelled.json().get("autoRenew").asBoolean()).isFalse();

    endPeriod(session);
    subscriptions.renewDue();

    assertThat(
            api.get("/api/v1/tokens/subscription", session.accessToken())
                .json()
                .get("status")
                .asString())
        .isEqualTo("expired");
    assertThat(balance(session)).isEqualTo(50_000 + 3_000_000);
    // an ended subscription can be followed by a new one
    subscribe(session);
    assertThat(balance(session)).isEqualTo(50_000 + 2 * 3_000_000);
  }

  @Test
  void badSubscriptionRequestsAreRefused() {
    Session session = api.register();

    assertThat(api.get("/api/v1/tokens/subscription", session.accessToken()).status())
        .isEqualTo(404);
    assertThat(api.delete("/api/v1/tokens/subscription", session.accessToken()).status())
        .isEqualTo(404);
    Response unknown =
        api.post(
            "/api/v1/tokens/subscription", Map.of("planId", "platinum"), session.accessToken());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("code").asString()).isEqualTo("plan-not-found");

    subscribe(session);
    Response twice =
        api.post("/api/v1/tokens/subscription", Map.of("planId", "pro-usd"), session.accessToken());
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("code").asString()).isEqualTo("already-subscribed");
    assertThat(balance(session)).isEqualTo(50_000 + 3_000_000);
  }
}
