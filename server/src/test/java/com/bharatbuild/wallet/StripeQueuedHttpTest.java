package com.bharatbuild.wallet;

import com.bharatbuild.support.RequiresRedis;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Stripe's webhooks with instances sharing Redis: a verified event is answered once it is queued on
 * a Redis Stream and credited by the queue's consumer, still exactly once for five deliveries.
 */
@ExtendWith(RequiresRedis.class)
class StripeQueuedHttpTest extends StripeHttpTest {

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("bharatbuild.redis.url", RequiresRedis::url);
  }
}
