package com.bharatbuild.ai;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.HttpResponse;
import com.anthropic.core.http.HttpResponseFor;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.TextBlockParam;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Claude through the streaming Messages API, with the system prompt marked for prompt caching and
 * optional extended thinking. Anthropic's Java SDK builds and sends the request and maps an error
 * status; the streamed body is decoded by {@link ServerSentEvents} and {@link AnthropicEventReader}
 * (the former says why). Retries are left to {@link ModelGateway}, which retries only before the
 * first token.
 */
final class AnthropicProvider implements ModelProvider {

  private static final String NAME = "anthropic";

  private final AiProperties.Anthropic settings;
  private final AnthropicClient client;

  AnthropicProvider(AiProperties.Anthropic settings) {
    this.settings = settings;
    AnthropicOkHttpClient.Builder builder =
        AnthropicOkHttpClient.builder()
            .apiKey(settings.apiKey())
            .maxRetries(0)
            .maxIdleConnections(settings.maxIdleConnections())
            // the HTTP client's own default; the SDK wants both or neither
            .keepAliveDuration(Duration.ofMinutes(5))
            .timeout(settings.timeout());
    if (settings.baseUrl() != null && !settings.baseUrl().isBlank()) {
      builder.baseUrl(settings.baseUrl());
    }
    this.client = builder.build();
  }

  @Override
  public List<ModelInfo> models() {
    return List.of(
        new ModelInfo(
            settings.model(),
            NAME,
            "Claude (" + settings.model() + ")",
            false,
            false,
            settings.contextWindow(),
            settings.maxOutputTokens()));
  }

  @Override
  public CompletionResult stream(
      CompletionRequest request, CompletionListener listener, Cancellation cancellation) {
    AnthropicEventReader reader = new AnthropicEventReader(listener);
    return StreamedCall.run(
        () -> {
          // the SDK sends the request and maps an error status; the body we decode ourselves
          HttpResponseFor<StreamResponse<RawMessageStreamEvent>> response =
              client.messages().withRawResponse().createStreaming(params(request));
          return new StreamedCall.Opened(() -> readEvents(response, reader), response::close);
        },
        reader,
        cancellation,
        AnthropicProvider::failure,
        "Anthropic's stream ended before message_stop");
  }

  private static void readEvents(HttpResponse response, AnthropicEventReader reader) {
    try {
      new ServerSentEvents(reader).read(response.body());
    } catch (IOException e) {
      // what the SDK's own reader throws for a dropped connection, so it maps the same way
      throw new AnthropicIoException("Stream failed", e);
    }
  }

  private MessageCreateParams params(CompletionRequest request) {
    MessageCreateParams.Builder params =
        MessageCreateParams.builder()
            .model(request.model())
            .maxTokens(request.maxOutputTokens())
            .system(
                MessageCreateParams.System.ofTextBlockParams(
                    List.of(
                        TextBlockParam.builder()
                            .text(request.system())
                            .cacheControl(CacheControlEphemeral.builder().build())
                            .build())));
    for (ChatTurn turn : request.turns()) {
      if (turn.role() == ChatTurn.Role.USER) {
        params.addUserMessage(turn.content());
      } else {
        params.addAssistantMessage(turn.content());
      }
    }
    if (request.thinking() && settings.thinkingBudget() > 0) {
      params.enabledThinking(settings.thinkingBudget());
    }
    return params.build();
  }

  private static ModelCallFailed failure(RuntimeException error, TokenUsage usage) {
    return switch (error) {
      case UnauthorizedException e ->
          new ModelCallFailed("auth", "Anthropic rejected the API key", false, usage, e);
      case AnthropicServiceException e -> {
        int status = e.statusCode();
        boolean retry = status == 429 || status == 529 || status >= 500;
        String code =
            status == 429 ? "rate_limited" : status == 529 ? "overloaded" : "provider_error";
        yield new ModelCallFailed(
            code,
            "Anthropic answered " + status + ": " + e.apiMessage().orElse(e.getMessage()),
            retry,
            usage,
            e);
      }
      case AnthropicIoException e ->
          new ModelCallFailed(
              "connection",
              "The connection to Anthropic failed: " + e.getMessage(),
              true,
              usage,
              e);
      default ->
          new ModelCallFailed(
              "provider_error",
              "The Anthropic call failed: " + error.getMessage(),
              false,
              usage,
              error);
    };
  }
}
