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
 * Credits Razorpay orders whose proof never arrived: the browser closed before it reported the
 * payment and the webhook was lost, unset or refused. It asks Razorpay about the recent orders that
 * are still open and confirms the paid ones, on one instance at a time; the shop credits each once,
 * so a sweep racing a late webhook credits nothing twice.
 */
@Component
@ConditionalOnExpression(RazorpayConfiguration.ENABLED)
class RazorpaySweep {

  private static final Logger log = LoggerFactory.getLogger(RazorpaySweep.class);

  // younger orders may still be paid in an open Checkout; older ones are not looked at again
  private static final Duration SETTLE = Duration.ofMinutes(5);
  private static final Duration HORIZON = Duration.ofDays(1);
  private static final int BATCH = 100;

  private final RazorpayGateway razorpay;
  private final Orders orders;
  private final TokenShop shop;
  private final Clock clock;
  private final JobLocks jobs;

  RazorpaySweep(
      RazorpayGateway razorpay, Orders orders, TokenShop shop, Clock clock, JobLocks jobs) {
    this.jobs = jobs;
    this.razorpay = razorpay;
    this.orders = orders;
    this.shop = shop;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = 300_000, initialDelay = 120_000)
  void sweepOnOneInstance() {
    jobs.runExclusively(
        "razorpay-sweep", Duration.ofMinutes(10), Duration.ofMinutes(4), this::sweep);
  }

  void sweep() {
    OffsetDateTime now = Timestamps.now(clock);
    int unanswered = 0;
    String lastError = "";
    for (String reference :
        orders.uncredited(RazorpayGateway.ID, now.minus(HORIZON), now.minus(SETTLE), BATCH)) {
      try {
        if (razorpay.paid(reference) && shop.confirmPaid(RazorpayGateway.ID, reference)) {
          log.info("Razorpay order {} found paid by the sweep", reference);
        }
      } catch (PaymentFailed e) {
        // one order Razorpay does not know must not hold up the others; the next sweep asks again
        unanswered++;
        lastError = e.getMessage();
      }
    }
    if (unanswered > 0) {
      log.warn("Razorpay sweep: {} orders unanswered, the last: {}", unanswered, lastError);
    }
  }
}
