package com.bharatbuild.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bharatbuild.ai.AnthropicStreamingTest.Recorder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** Anthropic's event JSON as the reader takes it, one event at a time. */
class AnthropicEventReaderTest {

  private final Recorder recorder = new Recorder();
  private final AnthropicEventReader reader = new AnthropicEventReader(recorder);

  @Test
  void takesUsageFromMessageStartSkippingEverythingElse() {
    event(
        "message_start",
        """
        {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant",
        "content":[{"type":"text","text":"x","citations":[{"a":[1,2,{"b":null}]}]}],
        "model":"claude-sonnet-4-5","stop_reason":null,"stop_sequence":null,
        "usage":{"cache_creation":{"ephemeral_5m_input_tokens":7,"ephemeral_1h_input_tokens":0},
        "output_tokens":1,"server_tool_use":null,"service_tier":"standard",
        "cache_read_input_tokens":2000,"input_tokens":50,"cache_creation_input_tokens":1000},
        "container":{"id":"c","nested":{"deeper":[{},[]]}}}}""");

    assertThat(reader.usage()).isEqualTo(new TokenUsage(50, 1, 1000, 2000));
    assertThat(reader.finished()).isFalse();
  }

  @Test
  void readsDeltaFieldsInAnyOrder() {
    event(
        "content_block_delta",
        "{\"delta\":{\"text\":\"Hel\",\"type\":\"text_delta\"},\"index\":0,\"type\":\"content_block_delta\"}");
    event(
        "content_block_delta",
        "{\"index\":0,\"extra\":{\"text\":\"not this\"},\"delta\":{\"type\":\"text_delta\",\"text\":\"lo\"}}");
    event(
        "content_block_delta",
        "{\"delta\":{\"thinking\":\"Hmm\",\"signature\":null,\"type\":\"thinking_delta\"}}");

    assertThat(recorder.text()).isEqualTo("Hello");
    assertThat(recorder.thinking()).isEqualTo("Hmm");
  }

  @Test
  void passesEscapesAndNonAsciiTextThrough() {
    event(
        "content_block_delta",
        "{\"delta\":{\"type\":\"text_delta\",\"text\":\"नमस्ते 👋\\n\\\"q\\\" \\u0041\"}}");

    assertThat(recorder.text()).isEqualTo("नमस्ते 👋\n\"q\" A");
  }

  @Test
  void ignoresDeltasThatCarryNothingToShow() {
    event(
        "content_block_delta",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"EqQBCgIYAhIM\"}}");
    event(
        "content_block_delta",
        "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"text\\\": \"}}");
    event(
        "content_block_delta",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"citations_delta\",\"citation\":{\"type\":\"char_location\",\"cited_text\":\"x\",\"text\":\"y\"}}}");

    assertThat(recorder.text()).isEmpty();
    assertThat(recorder.thinking()).isEmpty();
  }

  @Test
  void messageDeltaUpdatesUsageAndTheStopReason() {
    event(
        "message_start",
        "{\"message\":{\"usage\":{\"input_tokens\":10,\"output_tokens\":1,\"cache_creation_input_tokens\":null}}}");
    event(
        "message_delta",
        """
        {"usage":{"input_tokens":null,"cache_creation_input_tokens":3,"cache_read_input_tokens":null,
        "output_tokens":42,"server_tool_use":{"web_search_requests":0}},
        "type":"message_delta","delta":{"stop_sequence":null,"stop_reason":"max_tokens"}}""");
    event("message_stop", "{\"type\":\"message_stop\"}");

    assertThat(reader.usage()).isEqualTo(new TokenUsage(10, 42, 3, 0));
    assertThat(reader.stopReason()).isEqualTo(CompletionResult.StopReason.MAX_TOKENS);
    assertThat(reader.finished()).isTrue();
  }

  @Test
  void anEndTurnIsAnOrdinaryEnd() {
    event(
        "message_delta",
        "{\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":5}}");

    assertThat(reader.stopReason()).isEqualTo(CompletionResult.StopReason.END);
    assertThat(reader.usage().outputTokens()).isEqualTo(5);
  }

  @Test
  void eventsWeDoNotUseAreNotEvenParsed() {
    event("ping", "{\"type\": \"ping\"}");
    event("content_block_start", "not json at all");
    event("content_block_stop", "{");
    event("some_future_event", "[1,2,3]");

    assertThat(reader.usage()).isEqualTo(TokenUsage.NONE);
    assertThat(recorder.text()).isEmpty();
    assertThat(reader.finished()).isFalse();
  }

  @Test
  void anErrorEventFailsTheCallWithWhatAnthropicSaidAndTheUsageSoFar() {
    event("message_start", "{\"message\":{\"usage\":{\"input_tokens\":30,\"output_tokens\":1}}}");

    assertThatThrownBy(
            () ->
                event(
                    "error",
                    "{\"error\":{\"message\":\"Overloaded\",\"details\":{\"x\":[1]},\"type\":\"overloaded_error\"},\"type\":\"error\"}"))
        .isInstanceOfSatisfying(
            ModelCallFailed.class,
            failed -> {
              assertThat(failed.code()).isEqualTo("stream_error");
              assertThat(failed.isTransient()).isTrue();
              assertThat(failed.getMessage())
                  .isEqualTo(
                      "Anthropic ended the stream with an error: overloaded_error: Overloaded");
              assertThat(failed.usageSoFar()).isEqualTo(new TokenUsage(30, 1, 0, 0));
            });
  }

  @Test
  void anUnreadableErrorEventIsStillAStreamError() {
    assertThatThrownBy(() -> event("error", "{\"error\":{\"type\":\"api_error\",\"mess"))
        .isInstanceOfSatisfying(
            ModelCallFailed.class,
            failed -> {
              assertThat(failed.code()).isEqualTo("stream_error");
              assertThat(failed.isTransient()).isTrue();
              assertThat(failed.getMessage())
                  .startsWith("Anthropic ended the stream with an error: api_error");
            });
  }

  @Test
  void malformedJsonFailsTheCallWithAReason() {
    event("message_start", "{\"message\":{\"usage\":{\"input_tokens\":30,\"output_tokens\":1}}}");
    String[] malformed = {
      "{\"delta\":{\"type\":\"text_delta\",\"text\":\"cut",
      "{\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}",
      "{\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}}}",
      "[\"delta\"]",
      "",
      "{\"delta\":\"text_delta\"}",
      "{\"delta\":{\"type\":\"text_delta\",\"text\":42}}",
      "{delta:{}}",
    };

    for (String data : malformed) {
      assertThatThrownBy(() -> event("content_block_delta", data))
          .as(data)
          .isInstanceOfSatisfying(
              ModelCallFailed.class,
              failed -> {
                assertThat(failed.code()).isEqualTo("provider_error");
                assertThat(failed.getMessage())
                    .startsWith(
                        "Anthropic sent a content_block_delta event that could not be read: ")
                    .doesNotEndWith("null");
                assertThat(failed.getCause()).isInstanceOf(JacksonException.class);
                assertThat(failed.usageSoFar().inputTokens()).isEqualTo(30);
              });
    }
    assertThat(recorder.text()).isEmpty();
  }

  @Test
  void aCountThatIsNotANumberIsUnreadable() {
    assertThatThrownBy(() -> event("message_delta", "{\"usage\":{\"output_tokens\":\"many\"}}"))
        .isInstanceOfSatisfying(
            ModelCallFailed.class, failed -> assertThat(failed.code()).isEqualTo("provider_error"));
  }

  @Test
  void readsOnlyTheGivenSliceOfTheBuffer() {
    byte[] json =
        "{\"delta\":{\"type\":\"text_delta\",\"text\":\"slice\"}}".getBytes(StandardCharsets.UTF_8);
    byte[] buffer = new byte[json.length + 20];
    java.util.Arrays.fill(buffer, (byte) '}');
    System.arraycopy(json, 0, buffer, 10, json.length);

    reader.onEvent("content_block_delta", buffer, 10, json.length);

    assertThat(recorder.text()).isEqualTo("slice");
  }

  private void event(String type, String json) {
    byte[] data = json.getBytes(StandardCharsets.UTF_8);
    reader.onEvent(type, data, 0, data.length);
  }
}
