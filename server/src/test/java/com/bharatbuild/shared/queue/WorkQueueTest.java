package com.bharatbuild.shared.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.bharatbuild.shared.redis.RedisSettings;
import com.bharatbuild.shared.redis.SharedRedis;
import com.bharatbuild.support.RequiresRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The work queue in-process, and on Redis Streams (when {@code TEST_REDIS_URL} is set). */
class WorkQueueTest {

  private final List<SharedRedis> connections = new ArrayList<>();
  private final List<RedisWorkQueue> queues = new ArrayList<>();
  private final String topic = "test-" + UUID.randomUUID();

  @AfterEach
  void close() {
    queues.forEach(RedisWorkQueue::close);
    connections.forEach(SharedRedis::destroy);
  }

  /** A queue as one instance has it: its own connections to the shared Redis. */
  private RedisWorkQueue instance(Duration retryAfter, int maxAttempts) {
    assumeTrue(!RequiresRedis.url().isEmpty(), "Redis tests skipped: set TEST_REDIS_URL");
    SharedRedis redis = new SharedRedis(new RedisSettings(RequiresRedis.url()));
    connections.add(redis);
    RedisWorkQueue queue = new RedisWorkQueue(redis, retryAfter, maxAttempts);
    queues.add(queue);
    return queue;
  }

  @Test
  void inProcessWorkIsDoneBeforeSubmitReturnsAndItsFailureReachesTheSender() {
    InProcessWorkQueue queue = new InProcessWorkQueue();
    List<String> done = new ArrayList<>();
    queue.handle("work", done::add);

    queue.submit("work", "one");
    assertThat(done).containsExactly("one");

    queue.handle(
        "failing",
        payload -> {
          throw new IllegalStateException("broken");
        });
    assertThatThrownBy(() -> queue.submit("failing", "two")).hasMessage("broken");
    assertThatThrownBy(() -> queue.submit("nobody", "three"))
        .hasMessageContaining("nothing handles");
  }

  @Test
  void workSubmittedOnOneInstanceIsDoneOnceAcrossAllOfThem() {
    Map<String, AtomicInteger> done = new ConcurrentHashMap<>();
    for (int i = 0; i < 3; i++) {
      instance(Duration.ofSeconds(30), 5)
          .handle(
              topic,
              payload -> done.computeIfAbsent(payload, p -> new AtomicInteger()).incrementAndGet());
    }
    RedisWorkQueue sender = instance(Duration.ofSeconds(30), 5);

    for (int i = 0; i < 60; i++) {
      sender.submit(topic, "item-" + i);
    }

    awaitTrue(() -> done.size() == 60);
    sleep(500);
    assertThat(done).hasSize(60);
    assertThat(done.values()).allSatisfy(count -> assertThat(count).hasValue(1));
  }

  @Test
  void workWhoseHandlerFailedIsRetriedAndPoisonIsSetAside() {
    List<String> done = new CopyOnWriteArrayList<>();
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    RedisWorkQueue queue = instance(Duration.ofMillis(300), 2);
    queue.handle(
        topic,
        payload -> {
          int attempt =
              attempts.computeIfAbsent(payload, p -> new AtomicInteger()).incrementAndGet();
          if (payload.equals("flaky") && attempt == 1) {
            throw new IllegalStateException("a moment's trouble");
          }
          if (payload.equals("poison")) {
            throw new IllegalStateException("never works");
          }
          done.add(payload);
        });

    queue.submit(topic, "flaky");
    queue.submit(topic, "poison");
    queue.submit(topic, "fine");

    awaitTrue(() -> done.contains("flaky") && done.contains("fine"));
    awaitTrue(() -> deadLetters().contains("poison"));
    assertThat(attempts.get("flaky")).hasValue(2);
    int poisonAttempts = attempts.get("poison").get();
    sleep(1_000);
    assertThat(attempts.get("poison"))
        .as("set aside, not retried forever")
        .hasValue(poisonAttempts);
    assertThat(done).containsExactlyInAnyOrder("flaky", "fine");
  }

  private List<String> deadLetters() {
    return connections
        .getFirst()
        .sync()
        .xrange("bharatbuild:queue:" + topic + ":dead", io.lettuce.core.Range.create("-", "+"))
        .stream()
        .map(entry -> entry.getBody().get("payload"))
        .toList();
  }

  private static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 15 s");
      }
      sleep(50);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
