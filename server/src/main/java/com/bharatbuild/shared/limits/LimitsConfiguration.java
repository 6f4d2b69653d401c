package com.bharatbuild.shared.limits;

import com.bharatbuild.shared.redis.SharedRedis;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Limits kept in Redis when instances share one, so they hold across all of them. */
@Configuration
@EnableConfigurationProperties(LimitSettings.class)
class LimitsConfiguration implements WebMvcConfigurer {

  private final ObjectProvider<RateWindows> windows;
  private final LimitSettings settings;

  LimitsConfiguration(ObjectProvider<RateWindows> windows, LimitSettings settings) {
    this.windows = windows;
    this.settings = settings;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new RequestLimit(windows.getObject(), settings))
        .addPathPatterns("/api/**");
  }

  @Bean
  RateWindows rateWindows(SharedRedis redis, Clock clock) {
    return redis.enabled() ? RateWindows.inRedis(redis, clock) : RateWindows.inMemory(clock);
  }

  @Bean
  Leases leases(SharedRedis redis, Clock clock) {
    return redis.enabled() ? Leases.inRedis(redis, clock) : Leases.inMemory(clock);
  }
}
