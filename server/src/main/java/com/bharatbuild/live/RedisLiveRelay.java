package com.bharatbuild.live;

import com.bharatbuild.shared.redis.SharedRedis;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans channel messages out across instances. Numbers come from one Redis counter per project, so
 * every instance numbers a project's messages the same way and a tab can resume on any of them;
 * each instance subscribes to all projects' messages and hands them to the tabs it holds.
 */
final class RedisLiveRelay implements LiveRelay {

  private static final Logger log = LoggerFactory.getLogger(RedisLiveRelay.class);
  private static final String PREFIX = "bharatbuild:live:";
  private static final String SEQ = PREFIX + "seq:";
  private static final String MESSAGES = PREFIX + "project:";

  private final RedisCommands<String, String> redis;
  private final String epoch;

  RedisLiveRelay(SharedRedis shared, LiveChannels channels) {
    this.redis = shared.sync();
    redis.setnx(PREFIX + "epoch", UUID.randomUUID().toString());
    this.epoch = redis.get(PREFIX + "epoch");
    shared.listen(MESSAGES + "*", (channel, message) -> deliver(channels, channel, message));
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
}
