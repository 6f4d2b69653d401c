package com.bharatbuild.ai;

import static com.bharatbuild.ai.FakeModelServer.Anthropic.answer;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.blockStart;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.blockStop;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.error;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.messageDelta;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.messageStart;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.messageStop;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.overloaded;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.text;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.thinking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bharatbuild.ai.FakeModelServer.Drop;
import com.bharatbuild.ai.FakeModelServer.Pause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Anthropic SDK against a local server speaking the Messages streaming format. */
class AnthropicStreamingTest {

  private FakeModelServer fake;
  private ModelGateway gateway;
  private final Recorder recorder = new Recorder();

  @BeforeEach
  void start() throws Exception {
    fake = new FakeModelServer();
    AiProperties.Anthropic settings =
        new AiProperties.Anthropic(
            "test-key",
            fake.baseUrl(),
            "claude-test",
            1000,
            200_000,
            2000,
            Duration.ofSeconds(10),
            8);
    gateway = new ModelGateway(List.of(new AnthropicProvider(settings)), 3, Duration.ofMillis(20));
  }

  @AfterEach
  void stop() throws Exception {
    fake.close();
  }

  @Test
  void streamsTextAndReportsExactUsage() {
    fake.enqueue(answer(120, 17, "Hel", "lo, ", "world"));

    CompletionResult result = gateway.stream(request(false), recorder, new Cancellation());

    assertThat(recorder.text()).isEqualTo("Hello, world");
    assertThat(result.stopReason()).isEqualTo(CompletionResult.StopReason.END);
    assertThat(result.usage()).isEqualTo(new TokenUsage(120, 17, 0, 0));
    assertThat(fake.requests().getFirst())
        .contains("\"model\":\"claude-test\"")
        .contains("\"stream\":true")
        .contains("\"cache_control\":{\"type\":\"ephemeral\"}")
        .contains("You are a test");
  }

  @Test
  void streamsThinkingAndCountsCacheTokens() {
    fake.enqueue(
        List.of(
            messageStart(50, 1000, 2000),
            blockStart(0, "thinking"),
            thinking(0, "Consider "),
            thinking(0, "the request."),
            blockStop(0),
            blockStart(1, "text"),
            text(1, "Done."),
            blockStop(1),
            messageDelta("end_turn", 40),
            messageStop()));

    CompletionResult result = gateway.stream(request(true), recorder, new Cancellation());

    assertThat(recorder.thinking()).isEqualTo("Consider the request.");
    assertThat(recorder.text()).isEqualTo("Done.");
    assertThat(result.usage()).isEqualTo(new TokenUsage(50, 40, 1000, 2000));
    assertThat(result.usage().total()).isEqualTo(3090);
    assertThat(fake.requests().getFirst())
        .contains("\"thinking\":{")
        .contains("\"budget_tokens\":2000");
  }

  @Test
  void overloadBeforeTheFirstTokenIsRetried() {
    fake.enqueue(List.of(overloaded())).enqueue(List.of(overloaded())).enqueue(answer(10, 3, "ok"));

    CompletionResult result = gateway.stream(request(false), recorder, new Cancellation());

    assertThat(recorder.text()).isEqualTo("ok");
    assertThat(fake.requests()).hasSize(3);
    assertThat(result.usage().total()).isEqualTo(13);
  }

  @Test
  void persistentOverloadFailsAfterTheLastAttempt() {
    for (int i = 0; i < 3; i++) {
      fake.enqueue(List.of(overloaded()));
    }

    assertThatThrownBy(() -> gateway.stream(request(false), recorder, new Cancellation()))
        .isInstanceOfSatisfying(
            ModelCallFailed.class,
            failed -> {
              assertThat(failed.code()).isEqualTo("overloaded");
              assertThat(failed.isTransient()).isTrue();
            });
    assertThat(fake.requests()).hasSize(3);
  }

  @Test
  void anErrorAfterTheFirstTokenIsNotRetriedAndKeepsWhatWasSaid() {
    fake.enqueue(
        List.of(
            messageStart(30, 0, 0),
            blockStart(0, "text"),
            text(0, "Partial answer"),
            error("overloaded_error", "Overloaded")));

    assertThatThrownBy(() -> gateway.stream(request(false), recorder, new Cancellation()))
        .isInstanceOfSatisfying(
            ModelCallFailed.class,
            failed -> assertThat(failed.usageSoFar().inputTokens()).isEqualTo(30));
    assertThat(recorder.text()).isEqualTo("Partial answer");
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void aDroppedConnectionMidAnswerFailsWithThePartialText() {
    fake.enqueue(
        List.of(messageStart(30, 0, 0), blockStart(0, "text"), text(0, "Half an ans"), new Drop()));

    assertThatThrownBy(() -> gateway.stream(request(false), recorder, new Cancellation()))
        .isInstanceOf(ModelCallFailed.class);
    assertThat(recorder.text()).isEqualTo("Half an ans");
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void anErrorEventSaysWhatAnthropicReported() {
    fake.enqueue(
        List.of(
            messageStart(30, 0, 0),
            blockStart(0, "text"),
            text(0, "Partial"),
            error("overloaded_error", "Overloaded")));

    assertThatThrownBy(() -> gateway.stream(request(false), recorder, new Cancellation()))
        .isInstanceOfSatisfying(
            ModelCallFailed.class,
            failed -> {
              assertThat(failed.code()).isEqualTo("stream_error");
              assertThat(failed.isTransient()).isTrue();
              assertThat(failed.getMessage())
                  .isEqualTo(
                      "Anthropic ended the stream with an error: overloaded_error: Overloaded");
            });
  }

  @Test
  void aDroppedConnectionIsATransientConnectionFailure() {
    fake.enqueue(
        List.of(messageStart(30, 0, 0), blockStart(0, "text"), text(0, "Half"), new Drop()));

    assertThatThrownBy(() -> gateway.stream(request(false), recorder, new Cancellation()))
        .isInstanceOfSatisfying(
            ModelCallFailed.class,
            failed -> {
              assertThat(failed.code()).isEqualTo("connection");
              assertThat(failed.isTransient()).isTrue();
              assertThat(failed.usageSoFar().inputTokens()).isEqualTo(30);
            });
  }

  @Test
  void anAnswerCutAtTheOutputLimitSaysSo() {
    fake.enqueue(
        List.of(
            messageStart(12, 0, 0),
            blockStart(0, "text"),
            text(0, "नमस्ते 👋"),
            blockStop(0),
            messageDelta("max_tokens", 1000),
            messageStop()));

    CompletionResult result = gateway.stream(request(false), recorder, new Cancellation());

    assertThat(recorder.text()).isEqualTo("नमस्ते 👋");
    assertThat(result.stopReason()).isEqualTo(CompletionResult.StopReason.MAX_TOKENS);
    assertThat(result.usage()).isEqualTo(new TokenUsage(12, 1000, 0, 0));
  }

  @Test
  void aStreamThatEndsCleanlyWithoutMessageStopIsAFailureNotAnAnswer() {
    fake.enqueue(List.of(messageStart(30, 0, 0), blockStart(0, "text"), text(0, "Cut sh")));

    assertThatThrownBy(() -> gateway.stream(request(false), recorder, new Cancellation()))
        .isInstanceOfSatisfying(
            ModelCallFailed.class, failed -> assertThat(failed.code()).isEqualTo("truncated"));
    assertThat(recorder.text()).isEqualTo("Cut sh");
  }

  @Test
  void cancellingClosesTheProviderConnectionAndKeepsTheUsageSoFar() throws Exception {
    List<FakeModelServer.Step> slow = new ArrayList<>();
    slow.add(messageStart(25, 0, 0));
    slow.add(blockStart(0, "text"));
    for (int i = 0; i < 200; i++) {
      slow.add(text(0, "word "));
      slow.add(new Pause(Duration.ofMillis(20)));
    }
    slow.add(messageDelta("end_turn", 200));
    slow.add(messageStop());
    fake.enqueue(slow);
    Cancellation cancellation = new Cancellation();

    CompletableFuture<CompletionResult> call =
        CompletableFuture.supplyAsync(() -> gateway.stream(request(false), recorder, cancellation));
    while (recorder.text().length() < 20) {
      Thread.sleep(5);
    }
    long cancelledAt = System.nanoTime();
    cancellation.cancel();
    CompletionResult result = call.get();

    assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofSeconds(1));
    assertThat(result.stopReason()).isEqualTo(CompletionResult.StopReason.CANCELLED);
    assertThat(result.usage().inputTokens()).isEqualTo(25);
    assertThat(fake.awaitClientGone(Duration.ofSeconds(5)))
        .as("the fake provider saw its connection closed")
        .isTrue();
  }

  @Test
  void aRejectedKeyIsNotRetried() {
    fake.enqueue(
        List.of(
            new FakeModelServer.Status(
                401,
                "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}")));

    assertThatThrownBy(() -> gateway.stream(request(false), recorder, new Cancellation()))
        .isInstanceOfSatisfying(
            ModelCallFailed.class,
            failed -> {
              assertThat(failed.code()).isEqualTo("auth");
              assertThat(failed.isTransient()).isFalse();
            });
    assertThat(fake.requests()).hasSize(1);
  }

  private static CompletionRequest request(boolean thinking) {
    return new CompletionRequest(
        "claude-test", "You are a test", List.of(ChatTurn.user("Say hello")), 1000, thinking);
  }

  static final class Recorder implements CompletionListener {
    private final StringBuffer text = new StringBuffer();
    private final StringBuffer thinking = new StringBuffer();

    @Override
    public void onText(String delta) {
      text.append(delta);
    }

    @Override
    public void onThinking(String delta) {
      thinking.append(delta);
    }

    String text() {
      return text.toString();
    }

    String thinking() {
      return thinking.toString();
    }
  }
}
