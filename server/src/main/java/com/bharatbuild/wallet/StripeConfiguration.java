package com.bharatbuild.wallet;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stripe is a payment gateway only when its secret key is set. */
@Configuration
@ConditionalOnExpression("!'${bharatbuild.billing.stripe.secret-key:}'.isBlank()")
class StripeConfiguration {

  @Bean
  StripeGateway stripeGateway(BillingProperties settings) {
    return new StripeGateway(settings.stripe());
  }
}
