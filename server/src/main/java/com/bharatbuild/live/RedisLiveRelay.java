package com.bharatbuild.live;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans channel messages out across instances. Numbers come from one Redis counter per project, so
 * every instance numbers a project's messages the same way and a tab can resume on any of them;
 * each instance subscribes to all projects' messages and hands them to the tabs it holds.
 */
final class RedisLiveRelay implements LiveRelay, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RedisLiveRelay.class);
  private static final String PREFIX = "bharatbuild:live:";
  private static final String SEQ = PREFIX + "seq:";
  private static final String MESSAGES = PREFIX + "project:";

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final StatefulRedisPubSubConnection<String, String> subscription;
  private final RedisCommands<String, String> redis;
  private final String epoch;

  RedisLiveRelay(String url, LiveChannels channels) {
    this.client = RedisClient.create(url);
    this.connection = client.connect();
    this.redis = connection.sync();
    redis.setnx(PREFIX + "epoch", UUID.randomUUID().toString());
    this.epoch = redis.get(PREFIX + "epoch");
    this.subscription = client.connectPubSub();
    subscription.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String pattern, String channel, String message) {
            deliver(channels, channel, message);
          }
        });
    subscription.sync().psubscribe(MESSAGES + "*");
    log.info("Live channel messages fan out through Redis");
  }

  @Override
  public void publish(UUID projectId, String body) {
    long seq = redis.incr(SEQ + projectId);
    redis.publish(MESSAGES + projectId, seq + "\n" + body);
  }

  @Override
  public long currentSeq(UUID projectId) {
    String value = redis.get(SEQ + projectId);
    return value == null ? 0 : Long.parseLong(value);
  }

  @Override
  public String epoch() {
    return epoch;
  }

  private static void deliver(LiveChannels channels, String channel, String message) {
    try {
      UUID projectId = UUID.fromString(channel.substring(MESSAGES.length()));
      int newline = message.indexOf('\n');
      long seq = Long.parseLong(message.substring(0, newline));
      channels.deliver(projectId, seq, message.substring(newline + 1));
    } catch (RuntimeException malformed) {
      log.warn("Ignored a malformed live message on {}", channel);
    }
  }

  @Override
  public void close() {
    subscription.close();
    connection.close();
    client.shutdown();
  }
}
