package com.bharatbuild.ai;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which providers are configured. A provider is on when its API key (or, for OpenAI-compatible
 * local servers, its base URL) is set; the demo model is used only when none is.
 */
@ConfigurationProperties("bharatbuild.ai")
record AiProperties(
    @DefaultValue Anthropic anthropic,
    @DefaultValue OpenAi openai,
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("500ms") Duration firstRetryDelay) {

  /**
   * @param thinkingBudget tokens of extended thinking to ask for when a request wants it; 0 never
   * @param maxIdleConnections connections kept open between replies; over HTTP/1.1 (a proxy or a
   *     gateway in front of the API) each running reply holds one, and the HTTP client's default of
   *     5 made every reply past the fifth open a new one
   */
  record Anthropic(
      @Nullable String apiKey,
      @Nullable String baseUrl,
      @DefaultValue("claude-sonnet-4-5") String model,
      @DefaultValue("16000") int maxOutputTokens,
      @DefaultValue("200000") int contextWindow,
      @DefaultValue("4000") int thinkingBudget,
      @DefaultValue("120s") Duration timeout,
      @DefaultValue("256") int maxIdleConnections) {

    boolean enabled() {
      return apiKey != null && !apiKey.isBlank();
    }
  }

  record OpenAi(
      @Nullable String apiKey,
      @Nullable String baseUrl,
      @DefaultValue("gpt-4.1") String model,
      @DefaultValue("16000") int maxOutputTokens,
      @DefaultValue("128000") int contextWindow,
      @DefaultValue("120s") Duration timeout) {

    boolean enabled() {
      return (apiKey != null && !apiKey.isBlank()) || (baseUrl != null && !baseUrl.isBlank());
    }
  }
}
