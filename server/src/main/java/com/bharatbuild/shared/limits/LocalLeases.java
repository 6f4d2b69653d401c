package com.bharatbuild.shared.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Leases in this instance's memory: one instance, or no Redis. */
final class LocalLeases implements Leases {

  private final Map<String, Map<String, Instant>> leases = new ConcurrentHashMap<>();
  private final Clock clock;

  LocalLeases(Clock clock) {
    this.clock = clock;
  }

  @Override
  public boolean acquire(String key, String holder, int limit, Duration ttl) {
    Instant now = clock.instant();
    boolean[] taken = {false};
    leases.compute(
        key,
        (k, held) -> {
          Map<String, Instant> live = held == null ? new HashMap<>() : held;
          live.values().removeIf(expiry -> !expiry.isAfter(now));
          if (live.containsKey(holder) || live.size() < limit) {
            live.put(holder, now.plus(ttl));
            taken[0] = true;
          }
          return live.isEmpty() ? null : live;
        });
    return taken[0];
  }

  @Override
  public void renew(String key, String holder, Duration ttl) {
    Instant expiry = clock.instant().plus(ttl);
    leases.computeIfPresent(
        key,
        (k, live) -> {
          live.computeIfPresent(holder, (h, old) -> expiry);
          return live;
        });
  }

  @Override
  public void release(String key, String holder) {
    leases.computeIfPresent(
        key,
        (k, live) -> {
          live.remove(holder);
          return live.isEmpty() ? null : live;
        });
  }
}
