package com.bharatbuild.execution.preview;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The preview hosts handed out: each is an unguessable name under the preview domain that stands
 * for one project until it expires. The name itself is the credential, because a preview inside the
 * editor is a third-party frame, where browsers withhold cookies.
 */
final class PreviewSessions {

  private record Session(UUID projectId, Instant expiresAt) {}

  private static final int MAX_SESSIONS = 100_000;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<UUID, String> latest = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration ttl;

  PreviewSessions(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  /**
   * The project's preview host name, the same while it is valid so the previewed app keeps its
   * origin (and its storage) across reloads.
   */
  String open(UUID projectId) {
    Instant now = clock.instant();
    String current = latest.get(projectId);
    if (current != null) {
      Session session = sessions.get(current);
      if (session != null && session.expiresAt().isAfter(now.plus(ttl.dividedBy(2)))) {
        return current;
      }
    }
    if (sessions.size() >= MAX_SESSIONS) {
      sessions.values().removeIf(session -> now.isAfter(session.expiresAt()));
    }
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String name = "p" + HexFormat.of().formatHex(bytes);
    sessions.put(name, new Session(projectId, now.plus(ttl)));
    latest.put(projectId, name);
    return name;
  }

  Instant expiresAt(String name) {
    Session session = sessions.get(name);
    return session == null ? clock.instant() : session.expiresAt();
  }

  /** The project a host name stands for, if it is one and has not expired. */
  Optional<UUID> project(String name) {
    Session session = sessions.get(name);
    if (session == null || clock.instant().isAfter(session.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(session.projectId());
  }

  /** Forgets every host of a deleted project. */
  void close(UUID projectId) {
    sessions.values().removeIf(session -> session.projectId().equals(projectId));
    latest.remove(projectId);
  }
}
