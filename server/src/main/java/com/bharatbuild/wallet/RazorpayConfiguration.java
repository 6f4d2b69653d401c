package com.bharatbuild.wallet;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Razorpay is a payment gateway only when its key id and key secret are set. */
@Configuration
@ConditionalOnExpression(RazorpayConfiguration.ENABLED)
class RazorpayConfiguration {

  static final String ENABLED =
      "!'${bharatbuild.billing.razorpay.key-id:}'.isBlank()"
          + " and !'${bharatbuild.billing.razorpay.key-secret:}'.isBlank()";

  @Bean
  RazorpayGateway razorpayGateway(BillingProperties settings) {
    return new RazorpayGateway(settings.razorpay());
  }
}
