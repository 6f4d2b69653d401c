package com.bharatbuild.wallet;

import com.bharatbuild.auth.UserRegistered;
import com.bharatbuild.shared.config.Timestamps;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wallet's public API. A reply reserves its worst case (input estimate plus the output it may
 * write) before the model is called, and settles to the provider's exact figure when it ends.
 * Reservations are taken under a lock on the wallet row, so concurrent replies never reserve the
 * same tokens twice.
 */
@Service
public class TokenWallet {

  // below this much room for output, a reply would be cut off at once
  private static final int MIN_OUTPUT_TOKENS = 256;

  private final Wallets wallets;
  private final WalletProperties settings;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final WalletMetrics metrics;

  TokenWallet(
      Wallets wallets,
      WalletProperties settings,
      Clock clock,
      ApplicationEventPublisher events,
      WalletMetrics metrics) {
    this.metrics = metrics;
    this.wallets = wallets;
    this.settings = settings;
    this.clock = clock;
    this.events = events;
  }

  /** Opens the wallet of a new account with the starting grant, in the registering transaction. */
  @EventListener
  void onUserRegistered(UserRegistered event) {
    OffsetDateTime now = Timestamps.now(clock);
    wallets.create(event.userId(), 0, now);
    if (settings.startingGrant() > 0) {
      wallets.apply(
          new LedgerEntry(
              UUID.randomUUID(),
              event.userId(),
              settings.startingGrant(),
              LedgerEntry.GRANT,
              event.userId().toString(),
              null,
              null,
              "starting grant",
              null,
              now));
    }
  }

  @Transactional(readOnly = true)
  public BalanceView balance(UUID userId) {
    Wallets.Row row = wallets.find(userId).orElse(new Wallets.Row(0, 0, 0));
    return new BalanceView(
        row.balance(),
        row.totalPurchased(),
        row.totalUsed(),
        row.balance() - wallets.reserved(userId));
  }

  /**
   * Holds tokens for one reply.
   *
   * @param inputEstimate the tokens the prompt is expected to take
   * @param maxOutputTokens the most output wanted; lowered to what the balance can pay for
   * @throws InsufficientTokens when less than the minimum balance, or too little for a useful
   *     answer, is available
   */
  @Transactional
  public Reservation reserve(UUID userId, UUID messageId, long inputEstimate, int maxOutputTokens) {
    long balance = wallets.lockBalance(userId).orElse(0L);
    long available = balance - wallets.reserved(userId);
    if (available < settings.minimumBalance()) {
      metrics.refused();
      throw new InsufficientTokens(available, settings.minimumBalance());
    }
    long affordableOutput = available - inputEstimate;
    long neededOutput = Math.min(MIN_OUTPUT_TOKENS, maxOutputTokens);
    if (affordableOutput < neededOutput) {
      metrics.refused();
      throw new InsufficientTokens(available, inputEstimate + neededOutput);
    }
    int output = (int) Math.min(maxOutputTokens, affordableOutput);
    long amount = inputEstimate + output;
    wallets.reserve(userId, messageId, amount, Timestamps.now(clock));
    metrics.afterCommit(WalletMetrics.RESERVED);
    events.publishEvent(new WalletChanged(userId));
    return new Reservation(userId, messageId, amount, output);
  }

  /**
   * Charges exactly what the provider reported for the reply and releases its reservation. Settling
   * the same message again changes nothing.
   */
  @Transactional
  public void settle(Reservation reservation, long tokensUsed, @Nullable UUID projectId) {
    wallets.lockBalance(reservation.userId());
    String reference = reservation.messageId().toString();
    if (tokensUsed > 0 && !wallets.recorded(LedgerEntry.AI_USAGE, reference)) {
      wallets.apply(
          new LedgerEntry(
              UUID.randomUUID(),
              reservation.userId(),
              -tokensUsed,
              LedgerEntry.AI_USAGE,
              reference,
              projectId,
              reservation.messageId(),
              null,
              null,
              Timestamps.now(clock)));
    }
    if (wallets.release(reservation.messageId()) > 0) {
      metrics.afterCommit(WalletMetrics.SETTLED);
    }
    events.publishEvent(new WalletChanged(reservation.userId()));
  }

  /** Drops the hold of a reply that will never settle (its server stopped while it streamed). */
  @Transactional
  public void releaseReservation(UUID messageId) {
    if (wallets.release(messageId) > 0) {
      metrics.afterCommit(WalletMetrics.RELEASED);
    }
  }

  /**
   * An admin's correction of a balance, positive or negative, with the reason on the ledger. The
   * same {@code adjustmentId} applied twice changes the balance once.
   *
   * @return false when that adjustment was applied before
   */
  @Transactional
  public boolean adjust(UUID adminId, UUID userId, UUID adjustmentId, long amount, String reason) {
    if (wallets.lockBalance(userId).isEmpty()) {
      throw new WalletNotFound();
    }
    return record(userId, amount, LedgerEntry.ADJUSTMENT, adjustmentId.toString(), reason, adminId);
  }

  /**
   * Credits a paid order's tokens; crediting the same order again changes nothing.
   *
   * @return false when the order was credited before
   */
  @Transactional
  public boolean creditPurchase(UUID userId, UUID orderId, long tokens) {
    wallets.lockBalance(userId);
    return record(userId, tokens, LedgerEntry.PURCHASE, orderId.toString(), null, null);
  }

  /**
   * Takes back a refunded order's tokens, once; the balance may go below zero when they were spent.
   *
   * @return false when the refund was recorded before
   */
  @Transactional
  public boolean debitRefund(UUID userId, UUID orderId, long tokens) {
    wallets.lockBalance(userId);
    return record(userId, -tokens, LedgerEntry.REFUND, orderId.toString(), null, null);
  }

  /**
   * Grants a subscription period's tokens; the same period granted again changes nothing.
   *
   * @param period the subscription and the period's start
   */
  @Transactional
  public boolean creditSubscription(UUID userId, String period, long tokens) {
    wallets.lockBalance(userId);
    return record(userId, tokens, LedgerEntry.SUBSCRIPTION, period, null, null);
  }

  /** Whether a subscription's period (as {@link #creditSubscription} names it) was granted. */
  boolean subscriptionGranted(String period) {
    return wallets.recorded(LedgerEntry.SUBSCRIPTION, period);
  }

  /**
   * Puts one event on the ledger unless its kind and reference are there already; the caller holds
   * the wallet's row lock, so two callers cannot both find it missing.
   *
   * @return false when the event was recorded before
   */
  private boolean record(
      UUID userId,
      long amount,
      String kind,
      String reference,
      @Nullable String note,
      @Nullable UUID by) {
    if (wallets.recorded(kind, reference)) {
      return false;
    }
    wallets.apply(
        new LedgerEntry(
            UUID.randomUUID(),
            userId,
            amount,
            kind,
            reference,
            null,
            null,
            note,
            by,
            Timestamps.now(clock)));
    events.publishEvent(new WalletChanged(userId));
    return true;
  }

  /** Every wallet whose balance is not the sum of its ledger (none, unless something is wrong). */
  @Transactional(readOnly = true)
  public Reconciliation reconcile() {
    return new Reconciliation(wallets.walletCount(), wallets.mismatches());
  }

  @Transactional(readOnly = true)
  public HistoryPage history(
      UUID userId, @Nullable String type, @Nullable UUID projectId, int page, int size) {
    return new HistoryPage(
        wallets.history(userId, type, projectId, size, (long) page * size),
        page,
        size,
        wallets.countHistory(userId, type, projectId));
  }
}
