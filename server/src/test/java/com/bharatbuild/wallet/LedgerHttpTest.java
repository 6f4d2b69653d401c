package com.bharatbuild.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.HttpTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The ledger behind every balance, and what only admins may do with it. */
class LedgerHttpTest extends HttpTest {

  @Autowired JdbcClient jdbc;

  /** A fresh account made admin in the database, signed in again so its token carries the role. */
  private String adminToken() {
    Session session = api.register();
    jdbc.sql("UPDATE users SET role = 'admin' WHERE id = :id")
        .param("id", session.userId())
        .update();
    Response login =
        api.post(
            "/api/v1/auth/login",
            Map.of("email", session.email(), "password", session.password()),
            null);
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    return login.json().get("accessToken").asString();
  }

  private Response adjust(String token, UUID user, Map<String, Object> body) {
    return api.post("/api/v1/admin/wallets/" + user + "/adjustments", body, token);
  }

  @Test
  void anAdjustmentIsALedgerRowWithItsReasonAndCountsOnce() {
    String admin = adminToken();
    Session user = api.register();
    UUID adjustmentId = UUID.randomUUID();
    Map<String, Object> refund =
        Map.of(
            "amount", 1_500, "reason", "refund for a broken reply", "adjustmentId", adjustmentId);

    Response first = adjust(admin, user.userId(), refund);
    Response again = adjust(admin, user.userId(), refund);
    Response taken =
        adjust(admin, user.userId(), Map.of("amount", -500, "reason", "duplicate credit"));

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("applied").asBoolean()).isTrue();
    assertThat(again.json().get("applied").asBoolean()).isFalse();
    assertThat(taken.json().get("balance").get("balance").asLong()).isEqualTo(51_000);
    JsonNode ledger =
        api.get("/api/v1/admin/wallets/" + user.userId() + "/ledger", admin).json().get("items");
    assertThat(ledger.size()).isEqualTo(3);
    assertThat(ledger.findValuesAsString("note"))
        .contains("refund for a broken reply", "duplicate credit", "starting grant");
    long sum = 0;
    for (JsonNode entry : ledger) {
      sum += entry.get("amount").asLong();
    }
    assertThat(sum).isEqualTo(51_000);
    JsonNode own = api.get("/api/v1/tokens/history", user.accessToken()).json();
    assertThat(own.get("total").asLong()).isEqualTo(3);
  }

  @Test
  void onlyAdminsReachTheAdminRoutes() {
    Session user = api.register();
    Session other = api.register();

    assertThat(api.get("/api/v1/admin/wallets/reconciliation", user.accessToken()).status())
        .isEqualTo(403);
    assertThat(
            api.get("/api/v1/admin/wallets/" + other.userId() + "/ledger", user.accessToken())
                .status())
        .isEqualTo(403);
    Response refused =
        adjust(user.accessToken(), user.userId(), Map.of("amount", 1_000_000, "reason", "me"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(api.get("/api/v1/tokens/balance", user.accessToken()).json().get("balance").asLong())
        .isEqualTo(50_000);
    assertThat(api.get("/api/v1/admin/wallets/reconciliation", null).status()).isEqualTo(401);
  }

  @Test
  void badAdjustmentsAreRefusedWithTheReason() {
    String admin = adminToken();
    Session user = api.register();

    Response zero = adjust(admin, user.userId(), Map.of("amount", 0, "reason", "nothing"));
    Response noReason = adjust(admin, user.userId(), Map.of("amount", 10, "reason", " "));
    Response huge = adjust(admin, user.userId(), Map.of("amount", 5_000_000_000L, "reason", "x"));
    Response nobody = adjust(admin, UUID.randomUUID(), Map.of("amount", 10, "reason", "ghost"));

    assertThat(zero.status()).isEqualTo(400);
    assertThat(zero.json().get("code").asString()).isEqualTo("zero-adjustment");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(huge.status()).isEqualTo(400);
    assertThat(nobody.status()).isEqualTo(404);
    assertThat(api.get("/api/v1/tokens/balance", user.accessToken()).json().get("balance").asLong())
        .isEqualTo(50_000);
  }

  @Test
  void reconciliationFindsABalanceThatLeftItsLedger() {
    String admin = adminToken();
    Session user = api.register();

    JsonNode clean = api.get("/api/v1/admin/wallets/reconciliation", admin).json();
    assertThat(clean.get("checked").asLong()).isPositive();
    assertThat(clean.get("mismatches").findValuesAsString("userId"))
        .doesNotContain(user.userId().toString());

    jdbc.sql("UPDATE user_wallets SET balance = balance + 7 WHERE user_id = :id")
        .param("id", user.userId())
        .update();
    JsonNode broken = api.get("/api/v1/admin/wallets/reconciliation", admin).json();

    assertThat(broken.get("mismatches").findValuesAsString("userId"))
        .contains(user.userId().toString());
  }
}
