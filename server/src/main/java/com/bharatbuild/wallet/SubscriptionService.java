package com.bharatbuild.wallet;

import com.bharatbuild.shared.config.Timestamps;
import com.bharatbuild.shared.jobs.JobLocks;
import com.bharatbuild.shared.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subscriptions: subscribe (the first period's tokens at once), cancel (effective at the period's
 * end), and renewals. Each period's grant is a ledger row whose reference is the subscription and
 * the period's start, so a renewal run twice (a retry, a restart, two instances at once) grants
 * once; each subscription is renewed under its row lock.
 *
 * <p>Payment: this server takes subscriptions through the manual gateway (the embedded defaults);
 * gateway-billed renewals (Stripe subscriptions) are not built yet, so a subscription elsewhere is
 * refused with the reason.
 */
@Service
class SubscriptionService {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

  private final Subscriptions subscriptions;
  private final TokenWallet wallet;
  private final TokenShop shop;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final JobLocks jobs;

  SubscriptionService(
      Subscriptions subscriptions,
      TokenWallet wallet,
      TokenShop shop,
      TransactionTemplate transactions,
      Clock clock,
      JobLocks jobs) {
    this.jobs = jobs;
    this.subscriptions = subscriptions;
    this.wallet = wallet;
    this.shop = shop;
    this.transactions = transactions;
    this.clock = clock;
  }

  List<PlanView> plans() {
    return subscriptions.plans();
  }

  SubscriptionView subscribe(UUID userId, SubscribeRequest request) {
    UUID planId =
        subscriptions
            .activePlanId(request.planId())
            .orElseThrow(() -> new PlanNotFound(request.planId()));
    if (!shop.manualPayments()) {
      throw new TokenShop.GatewayUnavailable("Subscriptions are not payable on this server yet");
    }
    return transactions.execute(
        tx -> {
          if (subscriptions.lockActive(userId).isPresent()) {
            throw new AlreadySubscribed();
          }
          UUID id = UUID.randomUUID();
          OffsetDateTime start = Timestamps.now(clock);
          subscriptions.create(id, userId, planId, start, start, ManualGateway.ID);
          Subscriptions.Row row = subscriptions.lock(id).orElseThrow();
          startPeriod(row, start);
          return subscriptions.lock(id).orElseThrow().view();
        });
  }

  SubscriptionView current(UUID userId) {
    return subscriptions
        .latest(userId)
        .map(Subscriptions.Row::view)
        .orElseThrow(NoSubscription::new);
  }

  SubscriptionView cancel(UUID userId) {
    return transactions.execute(
        tx -> {
          Subscriptions.Row row = subscriptions.lockActive(userId).orElseThrow(NoSubscription::new);
          subscriptions.stopRenewing(row.view().id());
          return subscriptions.lock(row.view().id()).orElseThrow().view();
        });
  }

  /** Renews what is due, on one instance at a time when several run. */
  @Scheduled(fixedDelay = 60_000, initialDelay = 30_000)
  void renewDueOnOneInstance() {
    jobs.runExclusively(
        "subscription-renewals", Duration.ofMinutes(10), Duration.ofSeconds(50), this::renewDue);
  }

  /** Renews or ends every subscription whose period is over; safe to run anywhere, any time. */
  int renewDue() {
    int renewed = 0;
    for (UUID id : subscriptions.due(Timestamps.now(clock))) {
      try {
        if (Boolean.TRUE.equals(transactions.execute(tx -> renew(id)))) {
          renewed++;
        }
      } catch (RuntimeException e) {
        // one subscription's failure must not hold up the others; it is retried next run
        log.warn("Could not renew subscription {}: {}", id, e.getMessage());
      }
    }
    return renewed;
  }

  private boolean renew(UUID id) {
    Subscriptions.Row row = subscriptions.lock(id).orElse(null);
    OffsetDateTime now = Timestamps.now(clock);
    if (row == null
        || !row.view().status().equals("active")
        || row.view().currentPeriodEnd().isAfter(now)) {
      return false;
    }
    if (!row.view().autoRenew()) {
      subscriptions.expire(id);
      return false;
    }
    // a server that was down for several periods grants the current one, not the missed ones
    OffsetDateTime start = row.view().currentPeriodEnd();
    if (!start.plusDays(row.periodDays()).isAfter(now)) {
      start = now;
    }
    startPeriod(row, start);
    return true;
  }

  private void startPeriod(Subscriptions.Row row, OffsetDateTime start) {
    UUID id = row.view().id();
    subscriptions.newPeriod(id, start, start.plusDays(row.periodDays()));
    wallet.creditSubscription(row.userId(), id + ":" + start.toInstant(), row.view().tokens());
  }

  static final class PlanNotFound extends ApiProblem {
    PlanNotFound(String id) {
      super(HttpStatus.NOT_FOUND, "plan-not-found", "Plan not found", "No plan " + id);
    }
  }

  static final class AlreadySubscribed extends ApiProblem {
    AlreadySubscribed() {
      super(
          HttpStatus.CONFLICT,
          "already-subscribed",
          "Already subscribed",
          "A subscription is running; cancel it and wait for its period to end first");
    }
  }

  static final class NoSubscription extends ApiProblem {
    NoSubscription() {
      super(HttpStatus.NOT_FOUND, "no-subscription", "No subscription", "There is no subscription");
    }
  }
}
