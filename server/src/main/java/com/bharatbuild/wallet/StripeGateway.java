package com.bharatbuild.wallet;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Stripe Checkout through Stripe's Java SDK: a Checkout Session per order (the order id as its
 * client reference), paid on Stripe's page; the signed {@code checkout.session.*} webhooks say how
 * it ended. Subscriptions open a Checkout Session in subscription mode, after which Stripe bills
 * every period itself and its invoice events say what was paid.
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
                lineItem(
                    priceData(
                        item.currency(),
                        item.price(),
                        "BharatBuild " + item.name() + ": " + item.tokens() + " tokens")))
            .build();
    try {
      Session session = stripe.checkout().sessions().create(params);
      return new Checkout(session.getId(), session.getUrl(), false);
    } catch (StripeException e) {
      throw new PaymentFailed("Stripe did not open a checkout: " + e.getMessage());
    }
  }

  /**
   * Opens a Checkout Session that starts a Stripe subscription to the plan. Our subscription's id
   * goes with it as the client reference and in the subscription's metadata, which every invoice of
   * the subscription repeats, so an invoice that arrives before the checkout's completion still
   * finds its subscription here.
   *
   * @param expiresAt when the checkout stops taking the payment (Stripe allows 30 minutes to a day)
   */
  Checkout beginSubscription(UUID subscriptionId, PlanView plan, Instant expiresAt) {
    String id = subscriptionId.toString();
    SessionCreateParams params =
        SessionCreateParams.builder()
            .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
            .setClientReferenceId(id)
            .putMetadata("subscription_id", id)
            .setSubscriptionData(
                SessionCreateParams.SubscriptionData.builder()
                    .putMetadata("subscription_id", id)
                    .build())
            .setExpiresAt(expiresAt.getEpochSecond())
            .setSuccessUrl(settings.returnUrl() + "?subscription=" + id)
            .setCancelUrl(settings.returnUrl() + "?subscription=" + id + "&cancelled=1")
            .addLineItem(
                lineItem(
                    priceData(
                            plan.currency(),
                            plan.price(),
                            "BharatBuild "
                                + plan.name()
                                + ": "
                                + plan.tokens()
                                + " tokens every period")
                        .setRecurring(recurring(plan.periodDays()))))
            .build();
    try {
      Session session = stripe.checkout().sessions().create(params);
      return new Checkout(session.getId(), session.getUrl(), false);
    } catch (StripeException e) {
      throw new PaymentFailed("Stripe did not open a checkout: " + e.getMessage());
    }
  }

  /**
   * Stripe bills by calendar month, or by a count of days or weeks up to a year; a 30-day plan is
   * billed monthly, as its users expect, and the periods granted follow Stripe's invoices.
   */
  static SessionCreateParams.LineItem.PriceData.Recurring recurring(int periodDays) {
    var interval = SessionCreateParams.LineItem.PriceData.Recurring.builder();
    if (periodDays == 30) {
      interval.setInterval(SessionCreateParams.LineItem.PriceData.Recurring.Interval.MONTH);
    } else if (periodDays == 365) {
      interval.setInterval(SessionCreateParams.LineItem.PriceData.Recurring.Interval.YEAR);
    } else if (periodDays % 7 == 0) {
      interval
          .setInterval(SessionCreateParams.LineItem.PriceData.Recurring.Interval.WEEK)
          .setIntervalCount((long) periodDays / 7);
    } else {
      interval
          .setInterval(SessionCreateParams.LineItem.PriceData.Recurring.Interval.DAY)
          .setIntervalCount((long) periodDays);
    }
    return interval.build();
  }

  /** Stops the Stripe subscription from renewing: it runs to the end of the period paid for. */
  void cancelAtPeriodEnd(String subscriptionRef) {
    try {
      stripe
          .subscriptions()
          .update(
              subscriptionRef,
              SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build());
    } catch (StripeException e) {
      throw new PaymentFailed("Stripe did not cancel the subscription: " + e.getMessage());
    }
  }

  /** Closes a checkout that was not paid, so that it cannot be paid any more. */
  void expireCheckout(String sessionId) {
    try {
      stripe.checkout().sessions().expire(sessionId);
    } catch (StripeException e) {
      throw new PaymentFailed("Stripe did not close the checkout: " + e.getMessage());
    }
  }

  /**
   * How a Checkout Session stands, as Stripe answers it now.
   *
   * @param status {@code open}, {@code complete} or {@code expired}
   * @param paymentStatus {@code paid}, {@code unpaid} or {@code no_payment_required}
   * @param paymentIntent the payment that paid it, when it was a one-off payment
   */
  record CheckoutState(
      @Nullable String status, @Nullable String paymentStatus, @Nullable String paymentIntent) {}

  CheckoutState checkout(String sessionId) {
    try {
      Session session = stripe.checkout().sessions().retrieve(sessionId);
      return new CheckoutState(
          session.getStatus(), session.getPaymentStatus(), session.getPaymentIntent());
    } catch (StripeException e) {
      throw new PaymentFailed("Stripe did not say how checkout " + sessionId + " stands");
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

  /** One of something at the price {@code price}. */
  private static SessionCreateParams.LineItem lineItem(
      SessionCreateParams.LineItem.PriceData.Builder price) {
    return SessionCreateParams.LineItem.builder()
        .setQuantity(1L)
        .setPriceData(price.build())
        .build();
  }

  /** A price in the currency's minor unit, named as the customer sees it on Checkout. */
  private static SessionCreateParams.LineItem.PriceData.Builder priceData(
      String currency, BigDecimal price, String name) {
    return SessionCreateParams.LineItem.PriceData.builder()
        .setCurrency(currency.toLowerCase(Locale.ROOT))
        .setUnitAmount(price.movePointRight(2).longValueExact())
        .setProductData(
            SessionCreateParams.LineItem.PriceData.ProductData.builder().setName(name).build());
  }
}
