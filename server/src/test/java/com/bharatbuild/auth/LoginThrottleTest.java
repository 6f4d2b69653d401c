package com.bharatbuild.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.shared.limits.RateWindows;
import com.bharatbuild.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final LoginThrottle throttle =
      new LoginThrottle(
          new AuthProperties(
              "",
              Duration.ofMinutes(15),
              Duration.ofDays(30),
              new AuthProperties.Throttle(3, 5, Duration.ofMinutes(10))),
          RateWindows.inMemory(clock));

  @Test
  void blocksAfterTheLimitUntilTheOldestFailureLeavesTheWindow() {
    throttle.recordFailure("a@x", "1.1.1.1");
    clock.advance(Duration.ofMinutes(2));
    throttle.recordFailure("a@x", "1.1.1.1");
    throttle.recordFailure("a@x", "1.1.1.1");

    assertThat(throttle.retryAfter("a@x", "2.2.2.2")).contains(Duration.ofMinutes(8));

    clock.advance(Duration.ofMinutes(8));
    assertThat(throttle.retryAfter("a@x", "2.2.2.2")).isEmpty();
  }

  @Test
  void successClearsTheEmailButNotTheAddress() {
    for (int i = 0; i < 5; i++) {
      throttle.recordFailure("user" + (i % 2) + "@x", "9.9.9.9");
    }
    throttle.recordSuccess("user0@x");

    assertThat(throttle.retryAfter("user0@x", "8.8.8.8")).isEmpty();
    assertThat(throttle.retryAfter("fresh@x", "9.9.9.9")).isPresent();
  }

  @Test
  void otherEmailsAndAddressesAreNotAffected() {
    for (int i = 0; i < 3; i++) {
      throttle.recordFailure("a@x", "1.1.1.1");
    }

    assertThat(throttle.retryAfter("b@x", "2.2.2.2")).isEmpty();
  }
}
