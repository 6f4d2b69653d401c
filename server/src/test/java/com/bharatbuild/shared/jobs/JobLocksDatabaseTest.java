package com.bharatbuild.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.HttpTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Job locks on the real database, as several instances would share them. */
class JobLocksDatabaseTest extends HttpTest {

  @Autowired JdbcClient jdbc;

  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

  private JobLocks instance(String name, Instant now) {
    return new JobLocks(jdbc, Clock.fixed(now, ZoneOffset.UTC), name);
  }

  @Test
  void aJobHeldByOneInstanceDoesNotRunOnAnotherUntilItsHoldRunsOut() {
    String job = "job-" + UUID.randomUUID();
    AtomicInteger runs = new AtomicInteger();
    JobLocks a = instance("a", T0);

    boolean ranOnA =
        a.runExclusively(
            job,
            Duration.ofMinutes(1),
            Duration.ZERO,
            () -> {
              runs.incrementAndGet();
              // B's timer fires while A is still at work
              assertThat(
                      instance("b", T0.plusSeconds(30))
                          .runExclusively(
                              job, Duration.ofMinutes(1), Duration.ZERO, runs::incrementAndGet))
                  .isFalse();
            });

    assertThat(ranOnA).isTrue();
    assertThat(runs).hasValue(1);
    assertThat(
            instance("b", T0.plusSeconds(1))
                .runExclusively(job, Duration.ofMinutes(1), Duration.ZERO, runs::incrementAndGet))
        .as("A released it when done")
        .isTrue();
    assertThat(runs).hasValue(2);
  }

  @Test
  void theShortestHoldKeepsANearbyTimerFromRunningTheSamePeriodAgain() {
    String job = "job-" + UUID.randomUUID();
    AtomicInteger runs = new AtomicInteger();
    instance("a", T0)
        .runExclusively(job, Duration.ofMinutes(5), Duration.ofSeconds(50), runs::incrementAndGet);

    assertThat(
            instance("b", T0.plusSeconds(2))
                .runExclusively(
                    job, Duration.ofMinutes(5), Duration.ofSeconds(50), runs::incrementAndGet))
        .isFalse();
    assertThat(
            instance("b", T0.plusSeconds(60))
                .runExclusively(
                    job, Duration.ofMinutes(5), Duration.ofSeconds(50), runs::incrementAndGet))
        .isTrue();
    assertThat(runs).hasValue(2);
  }

  @Test
  void aHolderThatDiedLosesTheJobWhenItsLongestHoldRunsOut() {
    String job = "job-" + UUID.randomUUID();
    AtomicInteger runs = new AtomicInteger();
    try {
      instance("dies", T0)
          .runExclusively(
              job,
              Duration.ofMinutes(5),
              Duration.ZERO,
              () -> {
                runs.incrementAndGet();
                throw new IllegalStateException("a crash in the middle");
              });
    } catch (IllegalStateException expected) {
      // released on the way out like any finish
    }
    jdbc.sql("UPDATE job_locks SET locked_until = :until WHERE name = :name")
        .param("until", T0.plusSeconds(300).atOffset(ZoneOffset.UTC))
        .param("name", job)
        .update();

    assertThat(
            instance("b", T0.plusSeconds(299))
                .runExclusively(job, Duration.ofMinutes(5), Duration.ZERO, runs::incrementAndGet))
        .isFalse();
    assertThat(
            instance("b", T0.plusSeconds(300))
                .runExclusively(job, Duration.ofMinutes(5), Duration.ZERO, runs::incrementAndGet))
        .isTrue();
    assertThat(runs).hasValue(2);
  }

  @Test
  void manyInstancesTriggeringAtOnceRunTheJobOnce() throws Exception {
    String job = "job-" + UUID.randomUUID();
    AtomicInteger runs = new AtomicInteger();
    int instances = 16;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(instances)) {
      for (int i = 0; i < instances; i++) {
        JobLocks locks = instance("instance-" + i, T0);
        results.add(
            threads.submit(
                () -> {
                  start.await();
                  return locks.runExclusively(
                      job, Duration.ofMinutes(5), Duration.ofSeconds(50), runs::incrementAndGet);
                }));
      }
      start.countDown();
      int ran = 0;
      for (Future<Boolean> result : results) {
        ran += result.get() ? 1 : 0;
      }
      assertThat(ran).isEqualTo(1);
    }
    assertThat(runs).hasValue(1);
  }
}
