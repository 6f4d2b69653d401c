package com.bharatbuild.shared.tickets;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * One-use, short-lived tickets that stand in for the access token where a browser cannot send
 * headers: WebSocket upgrades and the first load of a preview. A ticket names its purpose, user and
 * project, and is gone once redeemed or expired.
 */
@Component
public class Tickets {

  private static final int MAX_OUTSTANDING = 100_000;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Ticket> outstanding = new ConcurrentHashMap<>();
  private final Clock clock;

  public Tickets(Clock clock) {
    this.clock = clock;
  }

  public Ticket issue(String purpose, UUID userId, UUID projectId, Duration ttl) {
    if (outstanding.size() >= MAX_OUTSTANDING) {
      dropExpired();
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Ticket ticket = new Ticket(value, purpose, userId, projectId, clock.instant().plus(ttl));
    outstanding.put(value, ticket);
    return ticket;
  }

  /** The ticket, if it exists, is for this purpose and project, and has not expired; used up. */
  public Optional<Ticket> redeem(String value, String purpose, UUID projectId) {
    Ticket ticket = outstanding.remove(value);
    if (ticket == null
        || !ticket.purpose().equals(purpose)
        || !ticket.projectId().equals(projectId)
        || clock.instant().isAfter(ticket.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(ticket);
  }

  private void dropExpired() {
    Instant now = clock.instant();
    outstanding.values().removeIf(ticket -> now.isAfter(ticket.expiresAt()));
  }

  public record Ticket(
      String value, String purpose, UUID userId, UUID projectId, Instant expiresAt) {}
}
