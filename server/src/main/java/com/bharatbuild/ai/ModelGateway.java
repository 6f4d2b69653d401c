package com.bharatbuild.ai;

import com.bharatbuild.shared.web.ApiProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The one way other modules call a model. It picks the provider of the named (or default) model and
 * retries transient failures with backoff, but only before the first token: once text has been
 * shown, a retry would repeat or contradict it.
 */
@Service
public class ModelGateway {

  private static final Logger log = LoggerFactory.getLogger(ModelGateway.class);

  private final List<ModelInfo> models;
  private final Map<String, ModelProvider> providersByModel;
  private final int maxAttempts;
  private final Duration firstRetryDelay;
  private final AiMetrics metrics;

  @Autowired
  ModelGateway(AiProperties properties, AiMetrics metrics) {
    this(providers(properties), properties.maxAttempts(), properties.firstRetryDelay(), metrics);
  }

  ModelGateway(List<ModelProvider> providers, int maxAttempts, Duration firstRetryDelay) {
    this(providers, maxAttempts, firstRetryDelay, AiMetrics.detached());
  }

  ModelGateway(
      List<ModelProvider> providers, int maxAttempts, Duration firstRetryDelay, AiMetrics metrics) {
    this.metrics = metrics;
    List<ModelInfo> all = new ArrayList<>();
    Map<String, ModelProvider> byModel = new java.util.LinkedHashMap<>();
    for (ModelProvider provider : providers) {
      for (ModelInfo model : provider.models()) {
        boolean isDefault = all.isEmpty();
        all.add(
            new ModelInfo(
                model.id(),
                model.provider(),
                model.label(),
                model.demo(),
                isDefault,
                model.contextWindow(),
                model.maxOutputTokens()));
        byModel.putIfAbsent(model.id(), provider);
      }
    }
    this.models = List.copyOf(all);
    this.providersByModel = byModel;
    this.maxAttempts = Math.max(1, maxAttempts);
    this.firstRetryDelay = firstRetryDelay;
  }

  private static List<ModelProvider> providers(AiProperties properties) {
    List<ModelProvider> providers = new ArrayList<>();
    if (properties.anthropic().enabled()) {
      providers.add(new AnthropicProvider(properties.anthropic()));
    }
    if (properties.openai().enabled()) {
      providers.add(new OpenAiProvider(properties.openai()));
    }
    if (providers.isEmpty()) {
      // never beside a real provider: a configured install must not answer from canned text
      providers.add(new DemoProvider());
    }
    return providers;
  }

  /** Every model a request may name; the first is the default. */
  public List<ModelInfo> models() {
    return models;
  }

  /**
   * The named model, or the default one.
   *
   * @throws UnknownModel when no configured provider offers that model
   */
  public ModelInfo resolve(@Nullable String modelId) {
    if (modelId == null || modelId.isBlank()) {
      return models.getFirst();
    }
    Map<String, ModelInfo> byId =
        models.stream().collect(Collectors.toMap(ModelInfo::id, Function.identity()));
    return Optional.ofNullable(byId.get(modelId)).orElseThrow(() -> new UnknownModel(modelId));
  }

  /**
   * Streams a completion, retrying transient failures that happen before the first token. The usage
   * of failed attempts is added to the result, so the caller charges every token counted.
   *
   * @throws ModelCallFailed when the call fails for good; its usage includes earlier attempts
   */
  public CompletionResult stream(
      CompletionRequest request, CompletionListener listener, Cancellation cancellation) {
    ModelInfo model = resolve(request.model());
    ModelProvider provider = providersByModel.get(model.id());
    TokenUsage spent = TokenUsage.NONE;
    FirstTokenWatch watch = new FirstTokenWatch(listener);
    for (int attempt = 1; ; attempt++) {
      AiMetrics.Attempt timing = metrics.attempt(model);
      watch.timing = timing;
      try {
        CompletionResult result = provider.stream(request, watch, cancellation);
        timing.ended(result);
        return new CompletionResult(spent.plus(result.usage()), result.stopReason());
      } catch (ModelCallFailed failed) {
        timing.failed(failed);
        spent = spent.plus(failed.usageSoFar());
        boolean retry =
            failed.isTransient()
                && !watch.started
                && attempt < maxAttempts
                && !cancellation.isCancelled();
        if (!retry) {
          throw new ModelCallFailed(
              failed.code(), failed.getMessage(), failed.isTransient(), spent, failed);
        }
        Duration delay = firstRetryDelay.multipliedBy(1L << (attempt - 1));
        log.warn(
            "Model call failed before its first token ({}); retry {} in {} ms",
            failed.code(),
            attempt,
            delay.toMillis());
        if (!sleep(delay)) {
          return new CompletionResult(spent, CompletionResult.StopReason.CANCELLED);
        }
        if (cancellation.isCancelled()) {
          return new CompletionResult(spent, CompletionResult.StopReason.CANCELLED);
        }
      }
    }
  }

  private static boolean sleep(Duration delay) {
    try {
      Thread.sleep(delay);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static final class FirstTokenWatch implements CompletionListener {
    private final CompletionListener delegate;
    private volatile boolean started;
    private volatile AiMetrics.@Nullable Attempt timing;

    FirstTokenWatch(CompletionListener delegate) {
      this.delegate = delegate;
    }

    @Override
    public void onText(String delta) {
      arrived();
      delegate.onText(delta);
    }

    @Override
    public void onThinking(String delta) {
      arrived();
      delegate.onThinking(delta);
    }

    private void arrived() {
      started = true;
      AiMetrics.Attempt current = timing;
      if (current != null) {
        current.firstToken();
      }
    }
  }

  /** A request named a model that is not configured. */
  public static final class UnknownModel extends ApiProblem {
    UnknownModel(String model) {
      super(
          HttpStatus.BAD_REQUEST,
          "unknown-model",
          "Unknown model",
          "No configured provider offers the model "
              + model
              + "; GET /api/v1/ai/models lists them");
    }
  }
}
