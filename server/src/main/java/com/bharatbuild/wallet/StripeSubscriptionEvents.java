package com.bharatbuild.wallet;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What Stripe's events say about the subscriptions it bills. Each runs under the subscription's row
 * lock and is safe repeated or out of order: a period is granted once (the ledger's reference is
 * our subscription and Stripe's period start), an older invoice never moves the period back, a
 * failure for a period already paid changes nothing, and nothing brings back a subscription that
 * has ended.
 *
 * <p>Objects are read from the verified body, in both shapes Stripe has sent: before its 2025-03-31
 * API an invoice names its subscription at the top ({@code subscription}), since then under {@code
 * parent.subscription_details}.
 */
@Component
@ConditionalOnExpression("!'${bharatbuild.billing.stripe.secret-key:}'.isBlank()")
class StripeSubscriptionEvents {

  private static final Logger log = LoggerFactory.getLogger(StripeSubscriptionEvents.class);

  // invoices that pay for a whole period; prorations and one-off invoices grant nothing
  private static final Set<String> PERIOD_INVOICES =
      Set.of("", "subscription_create", "subscription_cycle");

  private final Subscriptions subscriptions;
  private final TokenWallet wallet;
  private final TransactionTemplate transactions;

  StripeSubscriptionEvents(
      Subscriptions subscriptions, TokenWallet wallet, TransactionTemplate transactions) {
    this.subscriptions = subscriptions;
    this.wallet = wallet;
    this.transactions = transactions;
  }

  /** The checkout was completed: Stripe's subscription exists, and is ours. */
  void checkoutCompleted(JsonNode session) {
    String reference = id(session.path("subscription"));
    transactions.executeWithoutResult(
        tx -> {
          Subscriptions.Row row =
              subscriptions
                  .lockByCheckout(StripeGateway.ID, session.path("id").asString(""))
                  .or(() -> ours(session.path("client_reference_id").asString("")))
                  .orElse(null);
          if (row == null) {
            log.warn("Stripe subscription checkout {} is no subscription here", session.get("id"));
            return;
          }
          if (row.gatewayRef() == null && !reference.isEmpty()) {
            subscriptions.gatewayRef(row.view().id(), reference);
          }
        });
  }

  /** The checkout expired unpaid: the pending subscription is given up. */
  void checkoutExpired(JsonNode session) {
    transactions.executeWithoutResult(
        tx ->
            subscriptions
                .lockByCheckout(StripeGateway.ID, session.path("id").asString(""))
                .filter(row -> row.view().status().equals("pending"))
                .ifPresent(row -> subscriptions.expire(row.view().id())));
  }

  /** An invoice was paid: its period's tokens, once, and the period it paid for. */
  void invoicePaid(JsonNode invoice) {
    Period period = period(invoice);
    String reason = invoice.path("billing_reason").asString("");
    if (period == null || !PERIOD_INVOICES.contains(reason)) {
      log.info("Stripe invoice {} ({}) grants no period", invoice.get("id"), reason);
      return;
    }
    transactions.executeWithoutResult(
        tx -> {
          Subscriptions.Row row = invoiced(invoice).orElse(null);
          if (row == null) {
            return;
          }
          UUID id = row.view().id();
          wallet.creditSubscription(row.userId(), grant(id, period), row.view().tokens());
          String status = row.view().status();
          boolean latest =
              status.equals("pending") || !period.start().isBefore(row.view().currentPeriodStart());
          if (!status.equals("expired") && latest) {
            subscriptions.newPeriod(id, period.start(), period.end());
            subscriptions.status(id, "active");
          }
        });
  }

  /** A renewal's payment failed; Stripe retries it, and a later {@code invoice.paid} grants. */
  void invoicePaymentFailed(JsonNode invoice) {
    Period period = period(invoice);
    transactions.executeWithoutResult(
        tx ->
            invoiced(invoice)
                .filter(row -> row.view().status().equals("active"))
                .filter(
                    row ->
                        period == null
                            || (!period.start().isBefore(row.view().currentPeriodStart())
                                && !wallet.subscriptionGranted(grant(row.view().id(), period))))
                .ifPresent(row -> subscriptions.status(row.view().id(), "past_due")));
  }

  /** The subscription changed at Stripe: whether it renews (cancelled in Stripe's portal, say). */
  void subscriptionUpdated(JsonNode subscription) {
    boolean cancelling =
        subscription.path("cancel_at_period_end").asBoolean(false)
            || subscription.path("cancel_at").isNumber();
    transactions.executeWithoutResult(
        tx ->
            stripeSubscription(subscription)
                .filter(row -> !row.view().status().equals("expired"))
                .ifPresent(row -> subscriptions.autoRenew(row.view().id(), !cancelling)));
  }

  /** The subscription ended at Stripe: for good. */
  void subscriptionDeleted(JsonNode subscription) {
    transactions.executeWithoutResult(
        tx ->
            stripeSubscription(subscription)
                .ifPresent(row -> subscriptions.expire(row.view().id())));
  }

  /** The ledger's reference of a Stripe period: the same form the renewal job uses. */
  private static String grant(UUID subscriptionId, Period period) {
    return subscriptionId + ":" + period.start().toInstant();
  }

  private record Period(OffsetDateTime start, OffsetDateTime end) {}

  /**
   * The period an invoice pays for. A subscription's line carries it; the invoice's own {@code
   * period_start}/{@code period_end} are the span its pending items were added in, which for the
   * first invoice is a single instant, so they are only the fallback.
   */
  private static @Nullable Period period(JsonNode invoice) {
    for (JsonNode line : invoice.path("lines").path("data")) {
      JsonNode period = line.path("period");
      if (period.path("start").isNumber() && period.path("end").isNumber()) {
        return new Period(time(period.get("start")), time(period.get("end")));
      }
    }
    if (invoice.path("period_start").isNumber() && invoice.path("period_end").isNumber()) {
      Period period =
          new Period(time(invoice.get("period_start")), time(invoice.get("period_end")));
      return period.end().isAfter(period.start()) ? period : null;
    }
    return null;
  }

  private static OffsetDateTime time(JsonNode epochSeconds) {
    return Instant.ofEpochSecond(epochSeconds.asLong()).atOffset(ZoneOffset.UTC);
  }

  /**
   * The subscription an invoice bills, by Stripe's id, or by ours in the subscription's metadata
   * (an invoice may arrive before the checkout's completion); Stripe's id is remembered then.
   */
  private Optional<Subscriptions.Row> invoiced(JsonNode invoice) {
    JsonNode details = invoice.path("parent").path("subscription_details");
    String reference = id(invoice.path("subscription"));
    if (reference.isEmpty()) {
      reference = id(details.path("subscription"));
    }
    String ours = details.path("metadata").path("subscription_id").asString("");
    if (ours.isEmpty()) {
      ours =
          invoice
              .path("subscription_details")
              .path("metadata")
              .path("subscription_id")
              .asString("");
    }
    Optional<Subscriptions.Row> row = located(reference, ours);
    if (row.isEmpty()) {
      log.warn("Stripe invoice {} bills no subscription here", invoice.get("id"));
    }
    return row;
  }

  private Optional<Subscriptions.Row> stripeSubscription(JsonNode subscription) {
    return located(
        subscription.path("id").asString(""),
        subscription.path("metadata").path("subscription_id").asString(""));
  }

  private Optional<Subscriptions.Row> located(String reference, String ours) {
    Optional<Subscriptions.Row> row =
        reference.isEmpty()
            ? Optional.empty()
            : subscriptions.lockByGatewayRef(StripeGateway.ID, reference);
    if (row.isEmpty()) {
      // ours by the metadata, unless it is already another Stripe subscription's
      row =
          ours(ours)
              .filter(
                  found ->
                      found.gatewayRef() == null
                          || reference.isEmpty()
                          || found.gatewayRef().equals(reference));
      row.filter(found -> found.gatewayRef() == null && !reference.isEmpty())
          .ifPresent(found -> subscriptions.gatewayRef(found.view().id(), reference));
    }
    return row;
  }

  /** Our subscription billed by Stripe with this id, locked. */
  private Optional<Subscriptions.Row> ours(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return subscriptions.lock(uuid).filter(row -> row.view().gateway().equals(StripeGateway.ID));
  }

  /** An id Stripe sends either as a string or, when expanded, as the object. */
  private static String id(JsonNode node) {
    return node.isObject() ? node.path("id").asString("") : node.asString("");
  }
}
