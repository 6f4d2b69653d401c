package com.bharatbuild.shared.limits;

import com.bharatbuild.shared.redis.SharedRedis;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.ZAddArgs;
import java.time.Clock;
import java.time.Duration;

/**
 * Leases in the Redis that instances share: a sorted set per key of holders by expiry, taken in one
 * script so the limit holds when instances race for the last one.
 */
final class RedisLeases implements Leases {

  private static final String PREFIX = "bharatbuild:lease:";
  private static final String ACQUIRE =
      """
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
      if redis.call('ZSCORE', KEYS[1], ARGV[4])
          or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
        redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[2]), ARGV[4])
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
      end
      return 0
      """;

  private final SharedRedis redis;
  private final Clock clock;

  RedisLeases(SharedRedis redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  @Override
  public boolean acquire(String key, String holder, int limit, Duration ttl) {
    Long taken =
        redis
            .sync()
            .eval(
                ACQUIRE,
                ScriptOutputType.INTEGER,
                new String[] {PREFIX + key},
                Long.toString(clock.millis()),
                Long.toString(ttl.toMillis()),
                Integer.toString(limit),
                holder);
    return taken == 1;
  }

  @Override
  public void renew(String key, String holder, Duration ttl) {
    var commands = redis.sync();
    commands.zadd(PREFIX + key, ZAddArgs.Builder.xx(), clock.millis() + ttl.toMillis(), holder);
    commands.pexpire(PREFIX + key, ttl.toMillis());
  }

  @Override
  public void release(String key, String holder) {
    redis.sync().zrem(PREFIX + key, holder);
  }
}
