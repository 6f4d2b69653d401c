package com.bharatbuild.shared.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.bharatbuild.shared.redis.RedisSettings;
import com.bharatbuild.shared.redis.SharedRedis;
import com.bharatbuild.support.MutableClock;
import com.bharatbuild.support.RequiresRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tickets in memory, and in Redis (when {@code TEST_REDIS_URL} is set) across two instances. */
class TicketsTest {

  private static final SharedRedis REDIS = new SharedRedis(new RedisSettings(RequiresRedis.url()));
  private static final SharedRedis NO_REDIS = new SharedRedis(new RedisSettings(""));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
  private final UUID user = UUID.randomUUID();
  private final UUID project = UUID.randomUUID();

  @AfterAll
  static void close() {
    REDIS.destroy();
  }

  private Tickets instance(boolean shared) {
    if (shared) {
      assumeTrue(REDIS.enabled(), "Redis tests skipped: set TEST_REDIS_URL to run them");
      return new Tickets(clock, REDIS);
    }
    return new Tickets(clock, NO_REDIS);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aTicketWorksOnceForItsPurposeAndProject(boolean shared) {
    Tickets issuer = instance(shared);
    // with Redis, a second instance redeems what the first issued
    Tickets tickets = shared ? instance(true) : issuer;
    String value = issuer.issue("events", user, project, Duration.ofSeconds(60)).value();
    String other = issuer.issue("events", user, project, Duration.ofSeconds(60)).value();
    String third = issuer.issue("events", user, project, Duration.ofSeconds(60)).value();

    assertThat(tickets.redeem(value, "events", project))
        .get()
        .extracting(Tickets.Ticket::userId)
        .isEqualTo(user);
    assertThat(tickets.redeem(value, "events", project)).isEmpty();
    assertThat(issuer.redeem(value, "events", project)).isEmpty();
    assertThat(tickets.redeem(other, "terminal", project)).isEmpty();
    assertThat(tickets.redeem(third, "events", UUID.randomUUID())).isEmpty();
    assertThat(tickets.redeem("made-up", "events", project)).isEmpty();
  }

  @Test
  void anExpiredTicketIsRefused() {
    Tickets tickets = instance(false);
    String value = tickets.issue("terminal", user, project, Duration.ofSeconds(60)).value();

    clock.advance(Duration.ofSeconds(61));

    assertThat(tickets.redeem(value, "terminal", project)).isEmpty();
  }

  @Test
  void aSharedTicketExpiresInRedis() throws InterruptedException {
    Tickets tickets = instance(true);
    String value = tickets.issue("terminal", user, project, Duration.ofMillis(200)).value();

    Thread.sleep(400);

    assertThat(tickets.redeem(value, "terminal", project)).isEmpty();
  }
}
