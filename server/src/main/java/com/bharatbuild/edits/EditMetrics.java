package com.bharatbuild.edits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Counts the AI's file operations by type and outcome, and failed ones by a short reason code, so a
 * model or prompt that starts writing diffs the engine cannot place shows up as a rising rate. The
 * model writes the type, so anything unexpected is counted as {@code other}.
 */
@Component
class EditMetrics {

  static final String APPLIED = "applied";
  static final String FAILED = "failed";
  private static final Set<String> TYPES = Set.of("create", "modify", "delete", "rename");

  private final MeterRegistry registry;

  EditMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void applied(String type) {
    count(type, APPLIED, "none");
  }

  /**
   * @param reason a code from a fixed set: the engine's failure kinds, the files' problem codes,
   *     {@code rejected} or {@code truncated}
   */
  void failed(String type, String reason) {
    count(type, FAILED, reason);
  }

  private void count(String type, String outcome, String reason) {
    String known = type.strip().toLowerCase(Locale.ROOT);
    Counter.builder("bharatbuild.edits.operations")
        .description("File operations of AI replies, by type and outcome; failures by reason")
        .tag("type", TYPES.contains(known) ? known : "other")
        .tag("outcome", outcome)
        .tag("reason", reason.toLowerCase(Locale.ROOT).replace('-', '_'))
        .register(registry)
        .increment();
  }
}
