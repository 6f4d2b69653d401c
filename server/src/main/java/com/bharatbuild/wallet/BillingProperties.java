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
    @DefaultValue Stripe stripe,
    @DefaultValue Razorpay razorpay) {

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

  /**
   * Razorpay Checkout; on when the key id and secret are set.
   *
   * @param keyId the public half, which the browser's Checkout opens with ({@code rzp_…})
   * @param keySecret signs API calls and the payment signature that Checkout hands the browser
   * @param webhookSecret the secret set on the webhook in Razorpay's dashboard
   */
  record Razorpay(
      @DefaultValue("") String keyId,
      @DefaultValue("") String keySecret,
      @DefaultValue("") String webhookSecret) {}
}
