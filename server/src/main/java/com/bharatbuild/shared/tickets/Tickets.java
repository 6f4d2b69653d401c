package com.bharatbuild.shared.tickets;

import com.bharatbuild.shared.redis.SharedRedis;
import io.lettuce.core.SetArgs;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * One-use, short-lived tickets that stand in for the access token where a browser cannot send
 * headers: WebSocket upgrades and the first load of a preview. A ticket names its purpose, user and
 * project, and is gone once redeemed or expired. With several instances they live in the shared
 * Redis, so any instance can redeem them.
 */
@Component
public class Tickets {

  private static final int MAX_OUTSTANDING = 100_000;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Ticket> outstanding = new ConcurrentHashMap<>();
  private static final String SHARED = "bharatbuild:ticket:";

  private final Clock clock;
  private final SharedRedis redis;

  public Tickets(Clock clock, SharedRedis redis) {
    this.clock = clock;
    this.redis = redis;
  }

  public Ticket issue(String purpose, UUID userId, UUID projectId, Duration ttl) {
    if (outstanding.size() >= MAX_OUTSTANDING) {
      dropExpired();
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Ticket ticket = new Ticket(value, purpose, userId, projectId, clock.instant().plus(ttl));
    if (redis.enabled()) {
      // the upgrade may reach another instance than the request that issued it
      redis
          .sync()
          .set(
              SHARED + value,
              String.join(
                  " ",
                  purpose,
                  userId.toString(),
                  projectId.toString(),
                  ticket.expiresAt().toString()),
              SetArgs.Builder.px(ttl.toMillis()));
    } else {
      outstanding.put(value, ticket);
    }
    return ticket;
  }

  /** The ticket, if it exists, is for this purpose and project, and has not expired; used up. */
  public Optional<Ticket> redeem(String value, String purpose, UUID projectId) {
    Ticket ticket = redis.enabled() ? takeShared(value) : outstanding.remove(value);
    if (ticket == null
        || !ticket.purpose().equals(purpose)
        || !ticket.projectId().equals(projectId)
        || clock.instant().isAfter(ticket.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(ticket);
  }

  private @Nullable Ticket takeShared(String value) {
    String stored = redis.sync().getdel(SHARED + value);
    if (stored == null) {
      return null;
    }
    String[] parts = stored.split(" ");
    return new Ticket(
        value,
        parts[0],
        UUID.fromString(parts[1]),
        UUID.fromString(parts[2]),
        Instant.parse(parts[3]));
  }

  private void dropExpired() {
    Instant now = clock.instant();
    outstanding.values().removeIf(ticket -> now.isAfter(ticket.expiresAt()));
  }

  public record Ticket(
      String value, String purpose, UUID userId, UUID projectId, Instant expiresAt) {}
}
