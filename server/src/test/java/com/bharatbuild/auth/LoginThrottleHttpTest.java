package com.bharatbuild.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.HttpTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(
    properties = {
      "bharatbuild.auth.login-throttle.max-failures-per-email=3",
      "bharatbuild.auth.login-throttle.max-failures-per-address=8"
    })
class LoginThrottleHttpTest extends HttpTest {

  @Test
  void repeatedFailuresForOneEmailAreThrottledEvenWithTheRightPassword() {
    Session session = api.register();
    for (int i = 0; i < 3; i++) {
      assertThat(login(session.email(), "wrong-" + i).status()).isEqualTo(401);
    }

    Response throttled = login(session.email(), session.password());

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.contentType()).startsWith("application/problem+json");
    assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 900L);
    assertThat(throttled.json().get("code").asString()).isEqualTo("too-many-attempts");
  }

  @Test
  void oneAddressSprayingManyEmailsIsThrottled() {
    Response last = null;
    for (int i = 0; i < 9; i++) {
      last = login("spray-" + UUID.randomUUID() + "@example.test", "whatever-password");
    }

    assertThat(last.status()).isEqualTo(429);
    assertThat(last.header("Retry-After")).isNotNull();
  }

  private Response login(String email, String password) {
    return api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
  }
}
