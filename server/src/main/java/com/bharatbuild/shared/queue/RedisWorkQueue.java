package com.bharatbuild.shared.queue;

import com.bharatbuild.shared.redis.SharedRedis;
import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work in Redis Streams, one stream per topic and one consumer group that every instance joins:
 * each entry goes to one instance, is acknowledged once its handler returns, and stays pending
 * otherwise. Entries pending longer than {@code retryAfter} (their handler failed, or their
 * instance died) are claimed again by whichever instance looks next; after {@code maxAttempts} they
 * move to the topic's dead-letter stream with a log line, so one bad entry cannot block the rest.
 */
final class RedisWorkQueue implements WorkQueue, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RedisWorkQueue.class);
  private static final String PREFIX = "bharatbuild:queue:";
  private static final String GROUP = "bharatbuild";
  private static final String FIELD = "payload";
  private static final long MAX_ENTRIES = 100_000;
  private static final Duration BLOCK = Duration.ofSeconds(2);

  private final SharedRedis redis;
  private final Duration retryAfter;
  private final int maxAttempts;
  private final String consumer = "instance-" + UUID.randomUUID();
  private volatile boolean running = true;

  RedisWorkQueue(SharedRedis redis, Duration retryAfter, int maxAttempts) {
    this.redis = redis;
    this.retryAfter = retryAfter;
    this.maxAttempts = maxAttempts;
  }

  @Override
  public void submit(String topic, String payload) {
    redis
        .sync()
        .xadd(
            PREFIX + topic,
            new XAddArgs().maxlen(MAX_ENTRIES).approximateTrimming(),
            Map.of(FIELD, payload));
  }

  @Override
  public void handle(String topic, java.util.function.Consumer<String> handler) {
    String key = PREFIX + topic;
    try {
      redis
          .sync()
          .xgroupCreate(
              StreamOffset.from(key, "0-0"), GROUP, new XGroupCreateArgs().mkstream(true));
    } catch (RedisBusyException exists) {
      // another instance, or an earlier start, made the group
    }
    RedisCommands<String, String> blocking = redis.dedicated();
    Thread.ofVirtual().name("queue-" + topic).start(() -> consume(key, handler, blocking));
  }

  private void consume(
      String key, java.util.function.Consumer<String> handler, RedisCommands<String, String> own) {
    long lastClaim = 0;
    while (running) {
      try {
        List<StreamMessage<String, String>> entries =
            own.xreadgroup(
                Consumer.from(GROUP, consumer),
                XReadArgs.Builder.block(BLOCK).count(10),
                StreamOffset.lastConsumed(key));
        entries.forEach(entry -> run(key, entry, handler));
        if (System.nanoTime() - lastClaim > retryAfter.toNanos() / 2) {
          retry(key, handler, own);
          lastClaim = System.nanoTime();
        }
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        // Redis away for a moment: pending entries wait for the next round
        log.warn("Reading work from {} failed: {}", key, e.toString());
        sleep();
      }
    }
  }

  /** Claims entries another attempt gave up on, or a dead instance held, and runs them again. */
  private void retry(
      String key, java.util.function.Consumer<String> handler, RedisCommands<String, String> own) {
    ClaimedMessages<String, String> claimed =
        own.xautoclaim(
            key,
            XAutoClaimArgs.Builder.xautoclaim(
                    Consumer.from(GROUP, consumer), retryAfter.toMillis(), "0-0")
                .count(20));
    for (StreamMessage<String, String> entry : claimed.getMessages()) {
      List<PendingMessage> pending =
          own.xpending(key, GROUP, Range.create(entry.getId(), entry.getId()), Limit.from(1));
      long attempts = pending.isEmpty() ? 1 : pending.getFirst().getRedeliveryCount();
      if (attempts > maxAttempts) {
        own.xadd(key + ":dead", Map.of(FIELD, entry.getBody().getOrDefault(FIELD, "")));
        own.xack(key, GROUP, entry.getId());
        log.error("Set aside work {} on {} after {} failed attempts", entry.getId(), key, attempts);
      } else {
        run(key, entry, handler);
      }
    }
  }

  private void run(
      String key,
      StreamMessage<String, String> entry,
      java.util.function.Consumer<String> handler) {
    try {
      handler.accept(entry.getBody().getOrDefault(FIELD, ""));
      redis.sync().xack(key, GROUP, entry.getId());
    } catch (RuntimeException e) {
      // left pending: claimed again after retryAfter, here or on another instance
      log.warn("Work {} on {} failed and will be retried: {}", entry.getId(), key, e.toString());
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
  }
}
