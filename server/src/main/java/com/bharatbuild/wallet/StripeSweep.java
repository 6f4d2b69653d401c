package com.bharatbuild.wallet;

import com.bharatbuild.shared.config.Timestamps;
import com.bharatbuild.shared.jobs.JobLocks;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles Stripe orders whose webhook never arrived (unset, refused, or lost): it asks Stripe how
 * each recent order's Checkout Session stands, credits the paid ones and closes the expired ones,
 * on one instance at a time. The shop credits an order once and never closes a paid one, so a sweep
 * racing a late webhook changes nothing twice.
 */
@Component
@ConditionalOnExpression("!'${bharatbuild.billing.stripe.secret-key:}'.isBlank()")
class StripeSweep {

  private static final Logger log = LoggerFactory.getLogger(StripeSweep.class);

  // younger orders may still be paid in an open Checkout; a session lasts a day at most
  private static final Duration SETTLE = Duration.ofMinutes(5);
  private static final Duration HORIZON = Duration.ofDays(1);
  private static final int BATCH = 100;

  private final StripeGateway stripe;
  private final Orders orders;
  private final TokenShop shop;
  private final Clock clock;
  private final JobLocks jobs;

  StripeSweep(StripeGateway stripe, Orders orders, TokenShop shop, Clock clock, JobLocks jobs) {
    this.stripe = stripe;
    this.orders = orders;
    this.shop = shop;
    this.clock = clock;
    this.jobs = jobs;
  }

  @Scheduled(fixedDelay = 300_000, initialDelay = 150_000)
  void sweepOnOneInstance() {
    jobs.runExclusively("stripe-sweep", Duration.ofMinutes(10), Duration.ofMinutes(4), this::sweep);
  }

  void sweep() {
    OffsetDateTime now = Timestamps.now(clock);
    int unanswered = 0;
    String lastError = "";
    for (String session :
        orders.open(StripeGateway.ID, now.minus(HORIZON), now.minus(SETTLE), BATCH)) {
      try {
        StripeGateway.CheckoutState state = stripe.checkout(session);
        if ("paid".equals(state.paymentStatus())) {
          if (shop.confirmPaid(StripeGateway.ID, session, state.paymentIntent())) {
            log.info("Stripe checkout {} found paid by the sweep", session);
          }
        } else if ("expired".equals(state.status())) {
          shop.close(StripeGateway.ID, session, "expired");
        }
      } catch (PaymentFailed e) {
        // one session Stripe does not answer for must not hold up the others; the next sweep asks
        unanswered++;
        lastError = e.getMessage();
      }
    }
    if (unanswered > 0) {
      log.warn("Stripe sweep: {} orders unanswered, the last: {}", unanswered, lastError);
    }
  }
}
