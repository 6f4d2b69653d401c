package com.bharatbuild.ai;

import static com.bharatbuild.ai.FakeModelServer.OpenAi.answer;
import static com.bharatbuild.ai.FakeModelServer.OpenAi.content;
import static com.bharatbuild.ai.FakeModelServer.OpenAi.done;
import static com.bharatbuild.ai.FakeModelServer.OpenAi.finish;
import static com.bharatbuild.ai.FakeModelServer.OpenAi.role;
import static com.bharatbuild.ai.FakeModelServer.OpenAi.status;
import static com.bharatbuild.ai.FakeModelServer.OpenAi.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bharatbuild.ai.AnthropicStreamingTest.Recorder;
import com.bharatbuild.ai.FakeModelServer.Drop;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI SDK against a local server speaking the chat-completions streaming format. */
class OpenAiStreamingTest {

  private FakeModelServer fake;
  private ModelGateway gateway;
  private final Recorder recorder = new Recorder();

  @BeforeEach
  void start() throws Exception {
    fake = new FakeModelServer();
    AiProperties.OpenAi settings =
        new AiProperties.OpenAi(
            null, fake.baseUrl(), "local-model", 1000, 32_000, Duration.ofSeconds(10));
    gateway = new ModelGateway(List.of(new OpenAiProvider(settings)), 3, Duration.ofMillis(20));
  }

  @AfterEach
  void stop() throws Exception {
    fake.close();
  }

  @Test
  void streamsTextAndTheUsageChunk() {
    fake.enqueue(answer(42, 9, "Namaste", ", ", "world"));

    CompletionResult result = gateway.stream(request(), recorder, new Cancellation());

    assertThat(recorder.text()).isEqualTo("Namaste, world");
    assertThat(result.usage().total()).isEqualTo(51);
    assertThat(result.stopReason()).isEqualTo(CompletionResult.StopReason.END);
    assertThat(fake.requests().getFirst())
        .contains("\"stream_options\":{\"include_usage\":true}")
        .contains("\"model\":\"local-model\"");
  }

  @Test
  void cachedPromptTokensAreCountedOnce() {
    fake.enqueue(List.of(role(), content("x"), finish("stop"), usage(100, 5, 60), done()));

    CompletionResult result = gateway.stream(request(), recorder, new Cancellation());

    assertThat(result.usage()).isEqualTo(new TokenUsage(40, 5, 0, 60));
    assertThat(result.usage().total()).isEqualTo(105);
  }

  @Test
  void theOutputLimitIsReported() {
    fake.enqueue(List.of(role(), content("cut"), finish("length"), usage(10, 1000, 0), done()));

    assertThat(gateway.stream(request(), recorder, new Cancellation()).stopReason())
        .isEqualTo(CompletionResult.StopReason.MAX_TOKENS);
  }

  @Test
  void serverErrorsBeforeTheFirstTokenAreRetried() {
    fake.enqueue(List.of(status(503))).enqueue(List.of(status(429))).enqueue(answer(5, 1, "hi"));

    gateway.stream(request(), recorder, new Cancellation());

    assertThat(recorder.text()).isEqualTo("hi");
    assertThat(fake.requests()).hasSize(3);
  }

  @Test
  void aBadRequestIsNotRetried() {
    fake.enqueue(List.of(status(400)));

    assertThatThrownBy(() -> gateway.stream(request(), recorder, new Cancellation()))
        .isInstanceOfSatisfying(
            ModelCallFailed.class, failed -> assertThat(failed.isTransient()).isFalse());
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void aDroppedConnectionMidAnswerFails() {
    fake.enqueue(List.of(role(), content("Some of it"), new Drop()));

    assertThatThrownBy(() -> gateway.stream(request(), recorder, new Cancellation()))
        .isInstanceOf(ModelCallFailed.class);
    assertThat(recorder.text()).isEqualTo("Some of it");
  }

  @Test
  void aStreamThatEndsWithoutAFinishReasonIsAFailure() {
    fake.enqueue(List.of(role(), content("Cut"), done()));

    assertThatThrownBy(() -> gateway.stream(request(), recorder, new Cancellation()))
        .isInstanceOfSatisfying(
            ModelCallFailed.class, failed -> assertThat(failed.code()).isEqualTo("truncated"));
  }

  private static CompletionRequest request() {
    return new CompletionRequest(
        "local-model", "You are a test", List.of(ChatTurn.user("Say hello")), 1000, false);
  }
}
