package com.bharatbuild.shared.limits;

import com.bharatbuild.shared.redis.SharedRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Sliding-window counters of events by key (failed logins per email, requests per user), in this
 * instance's memory or, with several instances, in the Redis they share so a limit holds across all
 * of them.
 */
public interface RateWindows {

  /**
   * Counts an event now if fewer than {@code limit} happened in the last {@code window}.
   *
   * @return empty when it was counted; otherwise how long until one leaves the window
   */
  Optional<Duration> tryAcquire(String key, int limit, Duration window);

  /** Counts an event now, whatever the count. */
  void record(String key, Duration window);

  /** How long until fewer than {@code limit} events are in the window; empty when already fewer. */
  Optional<Duration> retryAfter(String key, int limit, Duration window);

  /** Forgets the key's events. */
  void clear(String key);

  /** In this instance's memory. */
  static RateWindows inMemory(Clock clock) {
    return new LocalRateWindows(clock);
  }

  /** In the Redis that instances share. */
  static RateWindows inRedis(SharedRedis redis, Clock clock) {
    return new RedisRateWindows(redis, clock);
  }
}
