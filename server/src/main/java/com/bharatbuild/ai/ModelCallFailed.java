package com.bharatbuild.ai;

/**
 * A model call that ended in an error. It carries what the provider had reported by then, so the
 * caller can keep the partial answer and charge exactly what was used.
 */
public class ModelCallFailed extends RuntimeException {

  private final boolean transientFailure;
  private final String code;
  private final TokenUsage usageSoFar;

  public ModelCallFailed(
      String code,
      String message,
      boolean transientFailure,
      TokenUsage usageSoFar,
      Throwable cause) {
    super(message, cause);
    this.code = code;
    this.transientFailure = transientFailure;
    this.usageSoFar = usageSoFar;
  }

  /** A short machine-readable kind: {@code overloaded}, {@code rate_limited}, {@code auth}, … */
  public String code() {
    return code;
  }

  /** Whether the same call may succeed if tried again (overload, rate limit, 5xx, network). */
  public boolean isTransient() {
    return transientFailure;
  }

  public TokenUsage usageSoFar() {
    return usageSoFar;
  }
}
