package com.bharatbuild.shared.limits;

import com.bharatbuild.shared.redis.SharedRedis;
import java.time.Clock;
import java.time.Duration;

/**
 * Counted, expiring leases by key (the replies a user has streaming): at most a limit per key at a
 * time, across instances when they share Redis. A lease its holder stops renewing lapses after its
 * time to live, so a crashed instance does not keep a user's slots forever.
 */
public interface Leases {

  /** Takes a lease for {@code holder} if the key has fewer than {@code limit} live ones. */
  boolean acquire(String key, String holder, int limit, Duration ttl);

  /** Keeps a held lease alive for another {@code ttl}. */
  void renew(String key, String holder, Duration ttl);

  void release(String key, String holder);

  /** In this instance's memory. */
  static Leases inMemory(Clock clock) {
    return new LocalLeases(clock);
  }

  /** In the Redis that instances share. */
  static Leases inRedis(SharedRedis redis, Clock clock) {
    return new RedisLeases(redis, clock);
  }
}
