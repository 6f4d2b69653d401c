package com.bharatbuild.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.HttpTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Buying tokens through the manual gateway (on for this test on either database). */
@TestPropertySource(properties = "bharatbuild.billing.manual-gateway=true")
class PurchaseHttpTest extends HttpTest {

  @Autowired TokenShop shop;
  @Autowired TokenWallet wallet;

  private long balance(Session session) {
    return api.get("/api/v1/tokens/balance", session.accessToken()).json().get("balance").asLong();
  }

  @Test
  void packagesArePricedInRupeesAndDollars() {
    Session session = api.register();

    JsonNode packages = api.get("/api/v1/tokens/packages", session.accessToken()).json();

    assertThat(packages.findValuesAsString("currency")).contains("INR", "USD");
    JsonNode starter = packages.get(0);
    assertThat(starter.get("id").asString()).isEqualTo("starter-inr");
    assertThat(starter.get("tokens").asLong()).isEqualTo(500_000);
    assertThat(starter.get("price").decimalValue()).isEqualByComparingTo("499.00");
  }

  @Test
  void aPurchaseIsCreditedOnceAndRecordedOnTheLedger() {
    Session session = api.register();

    Response bought =
        api.post(
            "/api/v1/tokens/purchase",
            Map.of("packageId", "starter-inr", "gateway", "manual"),
            session.accessToken());

    assertThat(bought.status()).as(bought.body()).isEqualTo(201);
    JsonNode order = bought.json();
    assertThat(order.get("status").asString()).isEqualTo("credited");
    assertThat(order.get("amount").decimalValue()).isEqualByComparingTo("499.00");
    assertThat(balance(session)).isEqualTo(550_000);
    assertThat(
            api.get("/api/v1/tokens/balance", session.accessToken())
                .json()
                .get("totalPurchased")
                .asLong())
        .isEqualTo(500_000);

    String orderId = order.get("id").asString();
    // the gateway's confirmation arriving again (a redelivered webhook) credits nothing more
    for (int i = 0; i < 5; i++) {
      assertThat(shop.confirmPaid("manual", "manual-" + orderId)).isTrue();
    }
    assertThat(balance(session)).isEqualTo(550_000);
    JsonNode purchases =
        api.get("/api/v1/tokens/history?kind=purchase", session.accessToken()).json();
    assertThat(purchases.get("total").asLong()).isEqualTo(1);
    assertThat(purchases.get("items").get(0).get("reference").asString()).isEqualTo(orderId);
    assertThat(
            api.get("/api/v1/tokens/orders/" + orderId, session.accessToken())
                .json()
                .get("status")
                .asString())
        .isEqualTo("credited");
    assertThat(wallet.reconcile().mismatches())
        .extracting(Mismatch::userId)
        .doesNotContain(session.userId());
  }

  @Test
  void badPurchasesAreRefusedAndCreditNothing() {
    Session session = api.register();
    Session other = api.register();
    String orderId =
        api.post("/api/v1/tokens/purchase", Map.of("packageId", "team-usd"), other.accessToken())
            .json()
            .get("id")
            .asString();

    Response unknown =
        api.post(
            "/api/v1/tokens/purchase", Map.of("packageId", "free-tokens"), session.accessToken());
    Response noGateway =
        api.post(
            "/api/v1/tokens/purchase",
            Map.of("packageId", "starter-inr", "gateway", "paypal"),
            session.accessToken());
    Response blank =
        api.post("/api/v1/tokens/purchase", Map.of("packageId", ""), session.accessToken());
    Response foreign = api.get("/api/v1/tokens/orders/" + orderId, session.accessToken());
    // a Razorpay proof where Razorpay is not configured
    Response noRazorpay =
        api.post(
            "/api/v1/tokens/orders/" + orderId + "/razorpay",
            Map.of(
                "razorpay_order_id", "order_1",
                "razorpay_payment_id", "pay_1",
                "razorpay_signature", "00"),
            other.accessToken());

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("code").asString()).isEqualTo("package-not-found");
    assertThat(noGateway.status()).isEqualTo(400);
    assertThat(noGateway.json().get("code").asString()).isEqualTo("gateway-unavailable");
    assertThat(blank.status()).isEqualTo(400);
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(noRazorpay.status()).isEqualTo(400);
    assertThat(noRazorpay.json().get("code").asString()).isEqualTo("gateway-unavailable");
    assertThat(shop.confirmPaid("manual", "manual-" + UUID.randomUUID())).isFalse();
    assertThat(balance(session)).isEqualTo(50_000);
  }

  @Test
  void concurrentPurchasesAndUsageOnOneWalletLoseNoUpdate() throws Exception {
    Session session = api.register();
    List<Future<?>> work = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 50; i++) {
        int n = i;
        work.add(
            pool.submit(
                () -> {
                  if (n % 2 == 0) {
                    Reservation held =
                        wallet.reserve(session.userId(), UUID.randomUUID(), 100, 400);
                    wallet.settle(held, 300, null);
                  } else {
                    shop.purchase(session.userId(), new PurchaseRequest("starter-usd", "manual"));
                  }
                  return null;
                }));
      }
    }
    for (Future<?> done : work) {
      done.get();
    }

    assertThat(balance(session)).isEqualTo(50_000 - 25 * 300 + 25 * 500_000L);
    assertThat(wallet.reconcile().mismatches())
        .extracting(Mismatch::userId)
        .doesNotContain(session.userId());
  }
}
