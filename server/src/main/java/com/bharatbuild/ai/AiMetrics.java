package com.bharatbuild.ai;

import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.SseException;
import com.openai.errors.OpenAIServiceException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The ai module's meters: how long providers take to the first token and to the end of each
 * attempt, how they fail, and the tokens they report. Tags are the provider and the configured
 * model id (a short, fixed list), never anything about the user or project.
 */
@Component
class AiMetrics {

  private static final Duration SHORTEST = Duration.ofMillis(10);
  private static final Duration LONGEST = Duration.ofMinutes(10);

  private final MeterRegistry registry;

  AiMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Meters that go nowhere, for a gateway made outside Spring (unit tests). */
  static AiMetrics detached() {
    return new AiMetrics(new SimpleMeterRegistry());
  }

  /** Starts timing one attempt at a provider call. */
  Attempt attempt(ModelInfo model) {
    return new Attempt(model, Timer.start(registry));
  }

  /** One attempt at a call; records its first token once and its end once. */
  final class Attempt {
    private final ModelInfo model;
    private final Timer.Sample started;
    private volatile boolean firstToken;

    private Attempt(ModelInfo model, Timer.Sample started) {
      this.model = model;
      this.started = started;
    }

    void firstToken() {
      if (firstToken) {
        return;
      }
      firstToken = true;
      // a sample stops any number of times, each time measuring from its start
      started.stop(
          timer(
              "bharatbuild.ai.provider.first.token",
              "Time from sending a request to a provider to its first streamed token",
              Tags.empty()));
    }

    /** The attempt ended with an answer ({@code success}) or was cancelled. */
    void ended(CompletionResult result) {
      String outcome =
          result.stopReason() == CompletionResult.StopReason.CANCELLED ? "cancelled" : "success";
      started.stop(latency(outcome));
      tokens(result.usage());
    }

    void failed(ModelCallFailed failure) {
      started.stop(latency("error"));
      Counter.builder("bharatbuild.ai.provider.errors")
          .description("Failed provider calls, each attempt counted, by kind of failure")
          .tag("provider", model.provider())
          .tag("model", model.id())
          .tag("kind", kindOf(failure))
          .register(registry)
          .increment();
      tokens(failure.usageSoFar());
    }

    private Timer latency(String outcome) {
      return timer(
          "bharatbuild.ai.provider.latency",
          "Time from sending a request to a provider to the end of its answer",
          Tags.of("outcome", outcome));
    }

    private Timer timer(String name, String description, Tags tags) {
      return Timer.builder(name)
          .description(description)
          .tag("provider", model.provider())
          .tag("model", model.id())
          .tags(tags)
          .publishPercentileHistogram()
          .minimumExpectedValue(SHORTEST)
          .maximumExpectedValue(LONGEST)
          .register(registry);
    }

    private void tokens(TokenUsage usage) {
      count("input", usage.inputTokens());
      count("output", usage.outputTokens());
      count("cache_creation", usage.cacheCreationTokens());
      count("cache_read", usage.cacheReadTokens());
    }

    private void count(String kind, long tokens) {
      Counter counter =
          Counter.builder("bharatbuild.ai.tokens")
              .description("Tokens the providers reported, by kind")
              .baseUnit("tokens")
              .tag("provider", model.provider())
              .tag("model", model.id())
              .tag("kind", kind)
              .register(registry);
      if (tokens > 0) {
        counter.increment(tokens);
      }
    }
  }

  /** 429, 529, 5xx, connection or other: what an operator acts on differently. */
  static String kindOf(ModelCallFailed failure) {
    int status = statusOf(failure);
    if (status == 429 || failure.code().equals("rate_limited")) {
      return "429";
    }
    if (status == 529) {
      return "529";
    }
    if (status >= 500) {
      return "5xx";
    }
    return switch (failure.code()) {
      // a stream cut short did not carry the answer either
      case "connection", "truncated" -> "connection";
      default -> "other";
    };
  }

  /** The HTTP status of the failure, or of the error an open stream reported instead of it. */
  private static int statusOf(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SseException event) {
        // Anthropic reports overload and rate limits inside a stream that began with 200
        String body = String.valueOf(event.body());
        return body.contains("overloaded_error")
            ? 529
            : body.contains("rate_limit_error") ? 429 : body.contains("api_error") ? 500 : 0;
      }
      if (cause instanceof AnthropicServiceException anthropic) {
        return anthropic.statusCode();
      }
      if (cause instanceof OpenAIServiceException openAi) {
        return openAi.statusCode();
      }
    }
    return 0;
  }
}
