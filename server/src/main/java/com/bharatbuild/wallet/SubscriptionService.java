package com.bharatbuild.wallet;

import com.bharatbuild.shared.config.Timestamps;
import com.bharatbuild.shared.jobs.JobLocks;
import com.bharatbuild.shared.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
 * <p>Billing: the manual gateway (the embedded defaults) grants at once and this server renews; a
 * Stripe subscription is {@code pending} until paid on Stripe's Checkout, after which Stripe bills
 * each period and {@link StripeSubscriptionEvents} grants what its invoices paid, so the renewal
 * job leaves it alone.
 */
@Service
class SubscriptionService {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

  /** How long a pending subscription's checkout stays payable before it is given up. */
  private static final Duration CHECKOUT_OPEN = Duration.ofHours(1);

  private static final Set<String> RUNNING = Set.of("pending", "active", "past_due");

  private final Subscriptions subscriptions;
  private final TokenWallet wallet;
  private final TokenShop shop;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final JobLocks jobs;
  private final BillingProperties settings;
  private final ObjectProvider<StripeGateway> stripe;

  SubscriptionService(
      Subscriptions subscriptions,
      TokenWallet wallet,
      TokenShop shop,
      TransactionTemplate transactions,
      Clock clock,
      JobLocks jobs,
      BillingProperties settings,
      ObjectProvider<StripeGateway> stripe) {
    this.jobs = jobs;
    this.settings = settings;
    this.stripe = stripe;
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
    Subscriptions.Plan plan =
        subscriptions
            .activePlan(request.planId())
            .orElseThrow(() -> new PlanNotFound(request.planId()));
    String gateway = request.gateway() == null ? settings.defaultGateway() : request.gateway();
    return switch (gateway) {
      case ManualGateway.ID -> subscribeManually(userId, plan);
      case StripeGateway.ID -> {
        StripeGateway at = stripe.getIfAvailable();
        if (at == null) {
          throw new TokenShop.GatewayUnavailable("Stripe is not configured on this server");
        }
        yield subscribeAtStripe(userId, plan, at);
      }
      default ->
          throw new TokenShop.GatewayUnavailable(
              "Subscriptions are billed by manual or stripe, not " + gateway);
    };
  }

  private SubscriptionView subscribeManually(UUID userId, Subscriptions.Plan plan) {
    if (!shop.manualPayments()) {
      throw new TokenShop.GatewayUnavailable("The manual gateway is off on this server");
    }
    return transactions.execute(
        tx -> {
          if (subscriptions.lockRunning(userId).isPresent()) {
            throw new AlreadySubscribed();
          }
          UUID id = UUID.randomUUID();
          OffsetDateTime start = Timestamps.now(clock);
          subscriptions.create(id, userId, plan.id(), start, start, ManualGateway.ID, "active");
          Subscriptions.Row row = subscriptions.lock(id).orElseThrow();
          startPeriod(row, start);
          return subscriptions.lock(id).orElseThrow().view();
        });
  }

  /**
   * A pending subscription and a Stripe Checkout to pay it on. Asking again while that checkout is
   * open answers the same one (a second tab, a retried request), so one user never has two
   * checkouts that could both start a Stripe subscription; one whose checkout has expired is given
   * up.
   */
  private SubscriptionView subscribeAtStripe(
      UUID userId, Subscriptions.Plan plan, StripeGateway gateway) {
    UUID id = UUID.randomUUID();
    OffsetDateTime now = Timestamps.now(clock);
    SubscriptionView open =
        transactions.execute(
            tx -> {
              Subscriptions.Row running = subscriptions.lockRunning(userId).orElse(null);
              if (running != null && running.view().status().equals("pending")) {
                boolean checkoutOver =
                    running.view().currentPeriodStart().plus(CHECKOUT_OPEN).isBefore(now);
                if (checkoutOver) {
                  subscriptions.expire(running.view().id());
                  running = null;
                } else if (running.checkoutRef() != null
                    && running.view().planId().equals(plan.view().id())) {
                  return running.view();
                }
              }
              if (running != null) {
                throw new AlreadySubscribed();
              }
              subscriptions.create(id, userId, plan.id(), now, now, StripeGateway.ID, "pending");
              return null;
            });
    if (open != null) {
      return open;
    }
    PaymentGateway.Checkout checkout;
    try {
      // the checkout closes a little before this server gives the pending subscription up
      checkout =
          gateway.beginSubscription(
              id, plan.view(), now.plus(CHECKOUT_OPEN).minusMinutes(5).toInstant());
    } catch (RuntimeException e) {
      subscriptions.expire(id);
      throw e;
    }
    if (!subscriptions.opened(id, checkout.reference(), checkout.checkoutUrl())) {
      // cancelled while Stripe was opening it: the checkout must not be payable either
      gateway.expireCheckout(checkout.reference());
    }
    return subscriptions.find(id).orElseThrow().view();
  }

  SubscriptionView current(UUID userId) {
    return subscriptions
        .latest(userId)
        .map(Subscriptions.Row::view)
        .orElseThrow(NoSubscription::new);
  }

  /**
   * Stops renewal. A Stripe subscription is told first (it then ends at its period's end, and
   * Stripe's events agree); a pending one has its checkout closed, so it cannot be paid later.
   */
  SubscriptionView cancel(UUID userId) {
    Subscriptions.Row row =
        subscriptions
            .latest(userId)
            .filter(found -> RUNNING.contains(found.view().status()))
            .orElseThrow(NoSubscription::new);
    UUID id = row.view().id();
    if (row.view().gateway().equals(StripeGateway.ID)) {
      StripeGateway gateway = stripe.getIfAvailable();
      if (gateway == null) {
        throw new TokenShop.GatewayUnavailable("Stripe is not configured on this server");
      }
      // Stripe is asked outside the transaction, so no row lock waits on its answer
      if (row.view().status().equals("pending")) {
        if (row.checkoutRef() != null) {
          gateway.expireCheckout(row.checkoutRef());
        }
      } else if (row.gatewayRef() != null) {
        gateway.cancelAtPeriodEnd(row.gatewayRef());
      } else {
        throw new PaymentFailed("Stripe has not said which subscription this is yet; try again");
      }
    }
    return transactions.execute(
        tx -> {
          Subscriptions.Row locked = subscriptions.lock(id).orElseThrow(NoSubscription::new);
          if (locked.view().status().equals("pending")) {
            subscriptions.expire(id);
          } else if (!locked.view().status().equals("expired")) {
            subscriptions.stopRenewing(id);
          }
          return subscriptions.lock(id).orElseThrow().view();
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
    // a gateway's subscription is renewed by the gateway's invoices, never here
    if (row == null
        || !row.view().status().equals("active")
        || !row.view().gateway().equals(ManualGateway.ID)
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
