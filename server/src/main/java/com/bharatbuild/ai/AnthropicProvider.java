package com.bharatbuild.ai;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.SseException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageDeltaUsage;
import com.anthropic.models.messages.RawContentBlockDelta;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.Usage;
import java.util.List;

/**
 * Claude through Anthropic's Java SDK: the streaming Messages API with the system prompt marked for
 * prompt caching and optional extended thinking. Retries are left to {@link ModelGateway}, which
 * retries only before the first token.
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
    EventReader reader = new EventReader(listener);
    return StreamedCall.run(
        () -> {
          StreamResponse<RawMessageStreamEvent> stream =
              client.messages().createStreaming(params(request));
          return new StreamedCall.Opened(
              () -> stream.stream().forEach(reader::read), stream::close);
        },
        reader,
        cancellation,
        AnthropicProvider::failure,
        "Anthropic's stream ended before message_stop");
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
      case SseException e ->
          new ModelCallFailed(
              "stream_error",
              "Anthropic ended the stream with an error: " + e.getMessage(),
              true,
              usage,
              e);
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

  /**
   * Reads Anthropic's events: text and thinking deltas go to the listener; input tokens come with
   * message_start and cumulative output tokens with each message_delta.
   */
  private static final class EventReader implements StreamedCall.Reader {
    private final CompletionListener listener;
    private long input;
    private long output;
    private long cacheCreation;
    private long cacheRead;
    private boolean stopped;
    private CompletionResult.StopReason stop = CompletionResult.StopReason.END;

    EventReader(CompletionListener listener) {
      this.listener = listener;
    }

    void read(RawMessageStreamEvent event) {
      if (event.isMessageStart()) {
        Usage usage = event.asMessageStart().message().usage();
        input = usage.inputTokens();
        output = usage.outputTokens();
        cacheCreation = usage.cacheCreationInputTokens().orElse(0L);
        cacheRead = usage.cacheReadInputTokens().orElse(0L);
      } else if (event.isContentBlockDelta()) {
        RawContentBlockDelta delta = event.asContentBlockDelta().delta();
        if (delta.isText()) {
          listener.onText(delta.asText().text());
        } else if (delta.isThinking()) {
          listener.onThinking(delta.asThinking().thinking());
        }
      } else if (event.isMessageDelta()) {
        MessageDeltaUsage usage = event.asMessageDelta().usage();
        output = usage.outputTokens();
        usage.inputTokens().ifPresent(value -> input = value);
        usage.cacheCreationInputTokens().ifPresent(value -> cacheCreation = value);
        usage.cacheReadInputTokens().ifPresent(value -> cacheRead = value);
        if (event.asMessageDelta().delta().stopReason().orElse(null) == StopReason.MAX_TOKENS) {
          stop = CompletionResult.StopReason.MAX_TOKENS;
        }
      } else if (event.isMessageStop()) {
        stopped = true;
      }
    }

    @Override
    public boolean finished() {
      return stopped;
    }

    @Override
    public TokenUsage usage() {
      return new TokenUsage(input, output, cacheCreation, cacheRead);
    }

    @Override
    public CompletionResult.StopReason stopReason() {
      return stop;
    }
  }
}
