package com.bharatbuild.execution.preview;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The cookies the preview origin hands out in exchange for a ticket, one per project and tab. */
final class PreviewSessions {

  private record Session(UUID projectId, Instant expiresAt) {}

  private static final int MAX_SESSIONS = 100_000;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration ttl;

  PreviewSessions(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  String open(UUID projectId) {
    if (sessions.size() >= MAX_SESSIONS) {
      Instant now = clock.instant();
      sessions.values().removeIf(session -> now.isAfter(session.expiresAt()));
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    sessions.put(token, new Session(projectId, clock.instant().plus(ttl)));
    return token;
  }

  boolean admits(String token, UUID projectId) {
    Session session = sessions.get(token);
    return session != null
        && session.projectId().equals(projectId)
        && !clock.instant().isAfter(session.expiresAt());
  }

  /** Forgets every session of a deleted project. */
  void close(UUID projectId) {
    sessions.values().removeIf(session -> session.projectId().equals(projectId));
  }

  Duration ttl() {
    return ttl;
  }
}
