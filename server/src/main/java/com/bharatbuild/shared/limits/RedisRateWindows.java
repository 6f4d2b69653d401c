package com.bharatbuild.shared.limits;

import com.bharatbuild.shared.redis.SharedRedis;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Rate windows in the Redis that instances share: a sorted set of event times per key, checked and
 * added to in one script so two instances cannot both take the last slot.
 */
final class RedisRateWindows implements RateWindows {

  private static final String PREFIX = "bharatbuild:rate:";
  // returns -1 when under the limit (and counts the event if asked), else milliseconds to wait
  private static final String CHECK =
      """
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
      if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
        if ARGV[4] ~= '' then
          redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return -1
      end
      local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
      return tonumber(oldest[2]) + tonumber(ARGV[2]) - tonumber(ARGV[1])
      """;

  private final SharedRedis redis;
  private final Clock clock;

  RedisRateWindows(SharedRedis redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  @Override
  public Optional<Duration> tryAcquire(String key, int limit, Duration window) {
    return check(key, limit, window, member());
  }

  @Override
  public void record(String key, Duration window) {
    var commands = redis.sync();
    commands.zadd(PREFIX + key, clock.millis(), member());
    commands.pexpire(PREFIX + key, window.toMillis());
  }

  @Override
  public Optional<Duration> retryAfter(String key, int limit, Duration window) {
    return check(key, limit, window, "");
  }

  @Override
  public void clear(String key) {
    redis.sync().del(PREFIX + key);
  }

  private Optional<Duration> check(String key, int limit, Duration window, String member) {
    Long wait =
        redis
            .sync()
            .eval(
                CHECK,
                ScriptOutputType.INTEGER,
                new String[] {PREFIX + key},
                Long.toString(clock.millis()),
                Long.toString(window.toMillis()),
                Integer.toString(limit),
                member);
    return wait < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(Math.max(1, wait)));
  }

  private String member() {
    return clock.millis() + ":" + UUID.randomUUID();
  }
}
