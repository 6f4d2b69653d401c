package com.bharatbuild.execution;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.IntSupplier;

/** The execution module's meters: runs started, runs ended by outcome, runs active here. */
final class RunMetrics {

  private final MeterRegistry registry;
  private final Counter started;

  RunMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.started =
        Counter.builder("bharatbuild.runs.started")
            .description("Runs started on this instance")
            .register(registry);
  }

  void activeRuns(IntSupplier active) {
    Gauge.builder("bharatbuild.runs.active", active, supplier -> supplier.getAsInt())
        .description("Runs in progress on this instance")
        // the supplier is a lambda nobody else holds; a weak reference would lose it
        .strongReference(true)
        .register(registry);
  }

  void started() {
    started.increment();
  }

  /**
   * @param outcome {@code succeeded}, {@code failed} or {@code stopped}
   */
  void ended(String outcome) {
    Counter.builder("bharatbuild.runs.ended")
        .description("Runs that ended on this instance, by outcome")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }
}
