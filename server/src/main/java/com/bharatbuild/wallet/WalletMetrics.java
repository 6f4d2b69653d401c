package com.bharatbuild.wallet;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The wallet's meters: reservations taken, refused, settled and released (counted once their
 * transaction commits, so a rolled-back reservation is not counted), and the reservations
 * outstanding in the database, which every instance reports alike (aggregate with max, not sum).
 */
@Component
class WalletMetrics {

  static final String RESERVED = "reserved";
  static final String REFUSED = "refused";
  static final String SETTLED = "settled";
  static final String RELEASED = "released";

  private final MeterRegistry registry;

  WalletMetrics(MeterRegistry registry, Wallets wallets) {
    this.registry = registry;
    Gauge.builder("bharatbuild.wallet.reservations.outstanding", wallets, Wallets::reservationCount)
        .description("Reservations held for replies that have not settled, across all instances")
        .register(registry);
  }

  /** Counts a reservation event when the surrounding transaction commits (at once without one). */
  void afterCommit(String outcome) {
    Counter counter = counter(outcome);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              counter.increment();
            }
          });
    } else {
      counter.increment();
    }
  }

  /** A refusal changes nothing, so it counts whatever happens to the transaction. */
  void refused() {
    counter(REFUSED).increment();
  }

  private Counter counter(String outcome) {
    return Counter.builder("bharatbuild.wallet.reservations")
        .description("Token reservations by what happened to them")
        .tag("outcome", outcome)
        .register(registry);
  }
}
