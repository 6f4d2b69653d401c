package com.bharatbuild.wallet;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import java.util.Locale;
import java.util.UUID;

/**
 * Stripe Checkout through Stripe's Java SDK: a Checkout Session per order (the order id as its
 * client reference), paid on Stripe's page; the signed {@code checkout.session.*} webhooks say how
 * it ended.
 */
final class StripeGateway implements PaymentGateway {

  static final String ID = "stripe";

  private final StripeClient stripe;
  private final BillingProperties.Stripe settings;

  StripeGateway(BillingProperties.Stripe settings) {
    this.settings = settings;
    this.stripe =
        StripeClient.builder()
            .setApiKey(settings.secretKey())
            .setApiBase(settings.apiBase())
            .setMaxNetworkRetries(2)
            .build();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Checkout begin(UUID orderId, TokenPackage item) {
    SessionCreateParams params =
        SessionCreateParams.builder()
            .setMode(SessionCreateParams.Mode.PAYMENT)
            .setClientReferenceId(orderId.toString())
            .putMetadata("order_id", orderId.toString())
            .setSuccessUrl(settings.returnUrl() + "?order=" + orderId)
            .setCancelUrl(settings.returnUrl() + "?order=" + orderId + "&cancelled=1")
            .addLineItem(
                SessionCreateParams.LineItem.builder()
                    .setQuantity(1L)
                    .setPriceData(
                        SessionCreateParams.LineItem.PriceData.builder()
                            .setCurrency(item.currency().toLowerCase(Locale.ROOT))
                            .setUnitAmount(item.price().movePointRight(2).longValueExact())
                            .setProductData(
                                SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                    .setName(
                                        "BharatBuild "
                                            + item.name()
                                            + ": "
                                            + item.tokens()
                                            + " tokens")
                                    .build())
                            .build())
                    .build())
            .build();
    try {
      Session session = stripe.checkout().sessions().create(params);
      return new Checkout(session.getId(), session.getUrl(), false);
    } catch (StripeException e) {
      throw new PaymentFailed("Stripe did not open a checkout: " + e.getMessage());
    }
  }

  /** The event in a webhook body, once its signature proves that Stripe sent it. */
  Event verified(String payload, String signature) {
    try {
      return stripe.constructEvent(payload, signature, settings.webhookSecret());
    } catch (SignatureVerificationException e) {
      throw new BadWebhook("The Stripe-Signature header does not match the body");
    }
  }
}
