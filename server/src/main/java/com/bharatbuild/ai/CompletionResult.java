package com.bharatbuild.ai;

/**
 * How a streamed call ended.
 *
 * @param usage every token the provider reported, also for a cancelled call (what it had counted)
 */
public record CompletionResult(TokenUsage usage, StopReason stopReason) {

  public enum StopReason {
    /** The model finished its answer. */
    END,
    /** The answer reached the output limit. */
    MAX_TOKENS,
    /** The caller cancelled the call. */
    CANCELLED
  }
}
