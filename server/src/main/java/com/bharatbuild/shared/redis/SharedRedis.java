package com.bharatbuild.shared.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The one Redis that several instances share, when {@code REDIS_URL} is set. Commands go over one
 * multiplexed connection (Lettuce pipelines them, and keeps their order); each subscription gets a
 * connection of its own, as Redis requires.
 */
@Component
@EnableConfigurationProperties(RedisSettings.class)
public class SharedRedis implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SharedRedis.class);

  private final @Nullable RedisClient client;
  private final @Nullable StatefulRedisConnection<String, String> connection;
  private final List<StatefulRedisPubSubConnection<String, String>> subscriptions =
      new ArrayList<>();
  private final List<StatefulRedisConnection<String, String>> dedicated = new ArrayList<>();

  public SharedRedis(RedisSettings settings) {
    if (settings.url().isBlank()) {
      client = null;
      connection = null;
      return;
    }
    client = RedisClient.create(settings.url());
    connection = client.connect();
    log.info("Instances share state through Redis");
  }

  /** Whether a Redis is configured; without one every part works in-process. */
  public boolean enabled() {
    return connection != null;
  }

  public RedisCommands<String, String> sync() {
    return connection().sync();
  }

  /** Commands that return at once; on the one connection they run in the order they were sent. */
  public RedisAsyncCommands<String, String> async() {
    return connection().async();
  }

  /**
   * Calls {@code listener} with (channel, message) for every message published on a channel that
   * matches {@code pattern}, on Lettuce's event thread: the listener must not block.
   */
  public synchronized void listen(String pattern, BiConsumer<String, String> listener) {
    StatefulRedisPubSubConnection<String, String> subscription = client().connectPubSub();
    subscription.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String matched, String channel, String message) {
            try {
              listener.accept(channel, message);
            } catch (RuntimeException e) {
              log.warn("A Redis message on {} failed: {}", channel, e.toString());
            }
          }
        });
    subscription.sync().psubscribe(pattern);
    subscriptions.add(subscription);
  }

  /**
   * A connection of the caller's own, for commands that block (XREADGROUP with BLOCK) and would
   * hold up everyone else's on the shared one; closed with the server.
   */
  public synchronized RedisCommands<String, String> dedicated() {
    StatefulRedisConnection<String, String> own = client().connect();
    // a blocking read waits longer than Lettuce's default command timeout
    own.setTimeout(java.time.Duration.ofMinutes(1));
    dedicated.add(own);
    return own.sync();
  }

  private StatefulRedisConnection<String, String> connection() {
    if (connection == null) {
      throw new IllegalStateException("no Redis is configured (REDIS_URL)");
    }
    return connection;
  }

  private RedisClient client() {
    if (client == null) {
      throw new IllegalStateException("no Redis is configured (REDIS_URL)");
    }
    return client;
  }

  @Override
  public synchronized void destroy() {
    subscriptions.forEach(StatefulRedisPubSubConnection::close);
    dedicated.forEach(StatefulRedisConnection::close);
    if (connection != null) {
      connection.close();
    }
    if (client != null) {
      client.shutdown();
    }
  }
}
