package com.bharatbuild.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins in a sliding window per email and per client address. Past the limit a login
 * is refused before the password is checked, with the time until the oldest failure leaves the
 * window.
 */
@Component
class LoginThrottle {

  private static final int SWEEP_THRESHOLD = 50_000;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final AuthProperties.Throttle settings;
  private final Clock clock;

  LoginThrottle(AuthProperties properties, Clock clock) {
    this.settings = properties.loginThrottle();
    this.clock = clock;
  }

  /** How long the caller must wait, or empty when a login may be attempted now. */
  Optional<Duration> retryAfter(String email, String address) {
    Instant now = clock.instant();
    return longest(
        wait("email:" + email, settings.maxFailuresPerEmail(), now),
        wait("addr:" + address, settings.maxFailuresPerAddress(), now));
  }

  void recordFailure(String email, String address) {
    Instant now = clock.instant();
    if (failures.size() > SWEEP_THRESHOLD) {
      sweep(now);
    }
    for (String key : new String[] {"email:" + email, "addr:" + address}) {
      failures.compute(
          key,
          (k, times) -> {
            Deque<Instant> window = times == null ? new ArrayDeque<>() : times;
            prune(window, now);
            window.addLast(now);
            return window;
          });
    }
  }

  void recordSuccess(String email) {
    failures.remove("email:" + email);
  }

  private Optional<Duration> wait(String key, int limit, Instant now) {
    Deque<Instant> window = failures.get(key);
    if (window == null) {
      return Optional.empty();
    }
    synchronized (window) {
      prune(window, now);
      if (window.size() < limit) {
        return Optional.empty();
      }
      return Optional.of(Duration.between(now, window.peekFirst().plus(settings.window())));
    }
  }

  private void prune(Deque<Instant> window, Instant now) {
    synchronized (window) {
      Instant cutoff = now.minus(settings.window());
      while (!window.isEmpty() && !window.peekFirst().isAfter(cutoff)) {
        window.pollFirst();
      }
    }
  }

  /**
   * Forgets keys whose failures all left the window, so a spray of addresses cannot grow memory.
   */
  private void sweep(Instant now) {
    failures
        .entrySet()
        .removeIf(
            entry -> {
              prune(entry.getValue(), now);
              return entry.getValue().isEmpty();
            });
  }

  private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().compareTo(b.get()) >= 0 ? a : b;
  }
}
