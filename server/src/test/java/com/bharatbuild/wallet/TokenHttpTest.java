package com.bharatbuild.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.HttpTest;
import org.junit.jupiter.api.Test;

class TokenHttpTest extends HttpTest {

  @Test
  void aNewAccountStartsWithTheGrantAndItsHistoryRow() {
    Session session = api.register();

    Response balance = api.get("/api/v1/tokens/balance", session.accessToken());
    Response history = api.get("/api/v1/tokens/history", session.accessToken());

    assertThat(balance.status()).isEqualTo(200);
    assertThat(balance.json().get("balance").asLong()).isEqualTo(50_000);
    assertThat(balance.json().get("available").asLong()).isEqualTo(50_000);
    assertThat(balance.json().get("totalUsed").asLong()).isZero();
    assertThat(history.json().get("total").asLong()).isEqualTo(1);
    assertThat(history.json().get("items").get(0).get("operationType").asString())
        .isEqualTo("grant");
    assertThat(history.json().get("items").get(0).get("tokensUsed").asLong()).isEqualTo(50_000);
  }

  @Test
  void historyFiltersByKindAndRejectsUnknownKinds() {
    Session session = api.register();

    Response usage = api.get("/api/v1/tokens/history?kind=ai_usage", session.accessToken());
    Response bad = api.get("/api/v1/tokens/history?kind=free_money", session.accessToken());
    Response tooBig = api.get("/api/v1/tokens/history?size=1000", session.accessToken());

    assertThat(usage.json().get("total").asLong()).isZero();
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(tooBig.status()).isEqualTo(400);
  }

  @Test
  void theWalletNeedsAnAccount() {
    assertThat(api.get("/api/v1/tokens/balance", null).status()).isEqualTo(401);
  }
}
