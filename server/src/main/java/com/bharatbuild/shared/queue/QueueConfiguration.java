package com.bharatbuild.shared.queue;

import com.bharatbuild.shared.redis.SharedRedis;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Work goes through Redis Streams when instances share a Redis, in-process otherwise. */
@Configuration
class QueueConfiguration {

  @Bean
  WorkQueue workQueue(SharedRedis redis) {
    return redis.enabled()
        ? new RedisWorkQueue(redis, Duration.ofSeconds(30), 5)
        : new InProcessWorkQueue();
  }
}
