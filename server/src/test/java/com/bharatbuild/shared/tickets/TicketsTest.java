package com.bharatbuild.shared.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketsTest {

  /** A clock the test moves forward. */
  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-11-28T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovingClock clock = new MovingClock();
  private final Tickets tickets = new Tickets(clock);
  private final UUID user = UUID.randomUUID();
  private final UUID project = UUID.randomUUID();

  @Test
  void aTicketWorksOnceForItsPurposeAndProject() {
    String value = tickets.issue("events", user, project, Duration.ofSeconds(60)).value();
    String other = tickets.issue("events", user, project, Duration.ofSeconds(60)).value();
    String third = tickets.issue("events", user, project, Duration.ofSeconds(60)).value();

    assertThat(tickets.redeem(value, "events", project))
        .get()
        .extracting(Tickets.Ticket::userId)
        .isEqualTo(user);
    assertThat(tickets.redeem(value, "events", project)).isEmpty();
    assertThat(tickets.redeem(other, "terminal", project)).isEmpty();
    assertThat(tickets.redeem(third, "events", UUID.randomUUID())).isEmpty();
  }

  @Test
  void anExpiredTicketIsRefused() {
    String value = tickets.issue("terminal", user, project, Duration.ofSeconds(60)).value();

    clock.now = clock.now.plusSeconds(61);

    assertThat(tickets.redeem(value, "terminal", project)).isEmpty();
  }
}
