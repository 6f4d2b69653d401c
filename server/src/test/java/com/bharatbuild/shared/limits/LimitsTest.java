package com.bharatbuild.shared.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.bharatbuild.shared.redis.RedisSettings;
import com.bharatbuild.shared.redis.SharedRedis;
import com.bharatbuild.support.MutableClock;
import com.bharatbuild.support.RequiresRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rate windows and leases, in memory and in Redis (when {@code TEST_REDIS_URL} is set): the same
 * answers from both, and the limit holds when many callers race for the last slot.
 */
class LimitsTest {

  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  private static final SharedRedis REDIS = new SharedRedis(new RedisSettings(RequiresRedis.url()));

  private final MutableClock clock = new MutableClock(T0);
  private final String key = "test-" + UUID.randomUUID();

  @AfterAll
  static void close() {
    REDIS.destroy();
  }

  static Stream<String> kinds() {
    return Stream.of("memory", "redis");
  }

  private RateWindows windows(String kind) {
    return kind.equals("memory")
        ? RateWindows.inMemory(clock)
        : RateWindows.inRedis(redis(), clock);
  }

  private Leases leases(String kind) {
    return kind.equals("memory") ? Leases.inMemory(clock) : Leases.inRedis(redis(), clock);
  }

  private static SharedRedis redis() {
    assumeTrue(REDIS.enabled(), "Redis tests skipped: set TEST_REDIS_URL to run them");
    return REDIS;
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aWindowRefusesPastItsLimitUntilTheOldestEventLeavesIt(String kind) {
    RateWindows windows = windows(kind);
    Duration window = Duration.ofMinutes(1);

    assertThat(windows.tryAcquire(key, 2, window)).isEmpty();
    clock.advance(Duration.ofSeconds(20));
    assertThat(windows.tryAcquire(key, 2, window)).isEmpty();
    assertThat(windows.tryAcquire(key, 2, window)).contains(Duration.ofSeconds(40));
    assertThat(windows.retryAfter(key, 2, window)).contains(Duration.ofSeconds(40));

    clock.advance(Duration.ofSeconds(40));
    assertThat(windows.retryAfter(key, 2, window)).isEmpty();
    assertThat(windows.tryAcquire(key, 2, window)).isEmpty();
    assertThat(windows.tryAcquire(key, 2, window)).contains(Duration.ofSeconds(20));

    windows.clear(key);
    assertThat(windows.retryAfter(key, 1, window)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void recordedEventsCountWhateverTheLimit(String kind) {
    RateWindows windows = windows(kind);
    for (int i = 0; i < 5; i++) {
      windows.record(key, Duration.ofMinutes(10));
    }
    assertThat(windows.retryAfter(key, 5, Duration.ofMinutes(10))).contains(Duration.ofMinutes(10));
    assertThat(windows.retryAfter(key, 6, Duration.ofMinutes(10))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void manyCallersRacingForTheLastSlotsGetExactlyTheLimit(String kind) throws Exception {
    RateWindows windows = windows(kind);
    int granted =
        race(50, () -> windows.tryAcquire(key, 7, Duration.ofMinutes(1)).isEmpty() ? 1 : 0);
    assertThat(granted).isEqualTo(7);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void leasesAreLimitedRenewableAndLapseWhenNotRenewed(String kind) {
    Leases leases = leases(kind);
    Duration ttl = Duration.ofSeconds(30);

    assertThat(leases.acquire(key, "a", 2, ttl)).isTrue();
    assertThat(leases.acquire(key, "b", 2, ttl)).isTrue();
    assertThat(leases.acquire(key, "c", 2, ttl)).isFalse();
    assertThat(leases.acquire(key, "a", 2, ttl)).as("a holder takes its own again").isTrue();

    leases.release(key, "b");
    assertThat(leases.acquire(key, "c", 2, ttl)).isTrue();

    clock.advance(Duration.ofSeconds(20));
    leases.renew(key, "a", ttl);
    clock.advance(Duration.ofSeconds(20));
    // c lapsed (40 s without renewal); a was renewed
    assertThat(leases.acquire(key, "d", 2, ttl)).isTrue();
    assertThat(leases.acquire(key, "e", 2, ttl)).isFalse();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void manyCallersRacingForLeasesGetExactlyTheLimit(String kind) throws Exception {
    Leases leases = leases(kind);
    int granted =
        race(
            40,
            () ->
                leases.acquire(key, UUID.randomUUID().toString(), 5, Duration.ofMinutes(1))
                    ? 1
                    : 0);
    assertThat(granted).isEqualTo(5);
  }

  private static int race(int callers, Callable<Integer> call) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
      for (int i = 0; i < callers; i++) {
        results.add(
            threads.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> result : results) {
        total += result.get();
      }
      return total;
    }
  }
}
