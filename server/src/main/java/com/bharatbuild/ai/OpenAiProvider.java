package com.bharatbuild.ai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import java.util.List;

/**
 * OpenAI and the servers that speak its chat-completions API (Ollama, vLLM, LM Studio, OpenRouter)
 * through OpenAI's Java SDK, asking for the usage chunk at the end of the stream.
 */
final class OpenAiProvider implements ModelProvider {

  private static final String NAME = "openai";

  private final AiProperties.OpenAi settings;
  private final OpenAIClient client;

  OpenAiProvider(AiProperties.OpenAi settings) {
    this.settings = settings;
    OpenAIOkHttpClient.Builder builder =
        OpenAIOkHttpClient.builder()
            // local servers such as Ollama need no key, but the SDK wants one
            .apiKey(
                settings.apiKey() == null || settings.apiKey().isBlank()
                    ? "not-needed"
                    : settings.apiKey())
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
            "OpenAI-compatible (" + settings.model() + ")",
            false,
            false,
            settings.contextWindow(),
            settings.maxOutputTokens()));
  }

  @Override
  public CompletionResult stream(
      CompletionRequest request, CompletionListener listener, Cancellation cancellation) {
    ChunkReader reader = new ChunkReader(listener);
    return StreamedCall.run(
        () -> {
          StreamResponse<ChatCompletionChunk> stream =
              client.chat().completions().createStreaming(params(request));
          return new StreamedCall.Opened(
              () -> stream.stream().forEach(reader::read), stream::close);
        },
        reader,
        cancellation,
        OpenAiProvider::failure,
        "The model server's stream ended without a finish reason");
  }

  /** Reads chat-completion chunks: content deltas, the finish reason and the usage chunk. */
  private static final class ChunkReader implements StreamedCall.Reader {
    private final CompletionListener listener;
    private TokenUsage usage = TokenUsage.NONE;
    private boolean finished;
    private CompletionResult.StopReason stop = CompletionResult.StopReason.END;

    ChunkReader(CompletionListener listener) {
      this.listener = listener;
    }

    void read(ChatCompletionChunk chunk) {
      for (ChatCompletionChunk.Choice choice : chunk.choices()) {
        choice.delta().content().filter(text -> !text.isEmpty()).ifPresent(listener::onText);
        if (choice.finishReason().isPresent()) {
          finished = true;
          if (choice.finishReason().get().asString().equals("length")) {
            stop = CompletionResult.StopReason.MAX_TOKENS;
          }
        }
      }
      chunk.usage().ifPresent(reported -> usage = billed(reported));
    }

    @Override
    public boolean finished() {
      return finished;
    }

    @Override
    public TokenUsage usage() {
      return usage;
    }

    @Override
    public CompletionResult.StopReason stopReason() {
      return stop;
    }
  }

  private static TokenUsage billed(CompletionUsage usage) {
    long cached = usage.promptTokensDetails().flatMap(details -> details.cachedTokens()).orElse(0L);
    // OpenAI counts cached tokens inside prompt_tokens; keep the total equal to what it bills
    return new TokenUsage(usage.promptTokens() - cached, usage.completionTokens(), 0, cached);
  }

  private ChatCompletionCreateParams params(CompletionRequest request) {
    ChatCompletionCreateParams.Builder params =
        ChatCompletionCreateParams.builder()
            .model(request.model())
            .maxCompletionTokens(request.maxOutputTokens())
            .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
            .addSystemMessage(request.system());
    for (ChatTurn turn : request.turns()) {
      if (turn.role() == ChatTurn.Role.USER) {
        params.addUserMessage(turn.content());
      } else {
        params.addAssistantMessage(turn.content());
      }
    }
    return params.build();
  }

  private static ModelCallFailed failure(RuntimeException error, TokenUsage usage) {
    return switch (error) {
      case UnauthorizedException e ->
          new ModelCallFailed(
              "auth", "The OpenAI-compatible server rejected the API key", false, usage, e);
      case SseException e ->
          new ModelCallFailed(
              "stream_error",
              "The model server ended the stream with an error: " + e.getMessage(),
              true,
              usage,
              e);
      case OpenAIServiceException e -> {
        int status = e.statusCode();
        boolean retry = status == 429 || status >= 500;
        String code =
            status == 429 ? "rate_limited" : status >= 500 ? "overloaded" : "provider_error";
        yield new ModelCallFailed(
            code, "The model server answered " + status + ": " + e.getMessage(), retry, usage, e);
      }
      case OpenAIIoException e ->
          new ModelCallFailed(
              "connection",
              "The connection to the model server failed: " + e.getMessage(),
              true,
              usage,
              e);
      default ->
          new ModelCallFailed(
              "provider_error",
              "The model call failed: " + error.getMessage(),
              false,
              usage,
              error);
    };
  }
}
