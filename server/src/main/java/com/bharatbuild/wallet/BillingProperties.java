package com.bharatbuild.wallet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param manualGateway {@code auto}: on with the embedded database, off on a shared one; or {@code
 *     true} / {@code false}
 * @param defaultGateway the gateway a purchase uses when it names none
 */
@ConfigurationProperties("bharatbuild.billing")
record BillingProperties(
    @DefaultValue("auto") String manualGateway,
    @DefaultValue("manual") String defaultGateway,
    @DefaultValue Stripe stripe) {

  /**
   * Stripe Checkout; on when a secret key is set.
   *
   * @param webhookSecret the endpoint's signing secret ({@code whsec_…}) that webhooks are verified
   *     with
   * @param apiBase Stripe's API (a local fake in tests)
   * @param returnUrl where Checkout sends the user back, paid or not
   */
  record Stripe(
      @DefaultValue("") String secretKey,
      @DefaultValue("") String webhookSecret,
      @DefaultValue("https://api.stripe.com") String apiBase,
      @DefaultValue("http://localhost:8080/tokens") String returnUrl) {

    boolean enabled() {
      return !secretKey.isBlank();
    }
  }
}
