package com.bharatbuild.shared.limits;

import com.bharatbuild.shared.redis.SharedRedis;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Limits kept in Redis when instances share one, so they hold across all of them. */
@Configuration
class LimitsConfiguration {

  @Bean
  RateWindows rateWindows(SharedRedis redis, Clock clock) {
    return redis.enabled() ? RateWindows.inRedis(redis, clock) : RateWindows.inMemory(clock);
  }

  @Bean
  Leases leases(SharedRedis redis, Clock clock) {
    return redis.enabled() ? Leases.inRedis(redis, clock) : Leases.inMemory(clock);
  }
}
