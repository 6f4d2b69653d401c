package com.bharatbuild.ai;

/**
 * Tokens as the provider reported them for one call.
 *
 * @param cacheCreationTokens prompt tokens written to the provider's cache (Anthropic)
 * @param cacheReadTokens prompt tokens read from the provider's cache
 */
public record TokenUsage(
    long inputTokens, long outputTokens, long cacheCreationTokens, long cacheReadTokens) {

  public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0);

  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(
        inputTokens + other.inputTokens,
        outputTokens + other.outputTokens,
        cacheCreationTokens + other.cacheCreationTokens,
        cacheReadTokens + other.cacheReadTokens);
  }

  /** What the wallet is charged: every token the provider counted. */
  public long total() {
    return inputTokens + outputTokens + cacheCreationTokens + cacheReadTokens;
  }
}
