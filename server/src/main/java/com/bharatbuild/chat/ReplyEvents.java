package com.bharatbuild.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of each event type of the chat event stream (SPEC section 2, "Event stream"). */
@Component
class ReplyEvents {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Status(
      String type,
      String status,
      String message,
      @Nullable UUID messageId,
      @Nullable UUID userMessageId) {}

  record Text(String type, String content) {}

  record Operation(String type, OperationView operation) {}

  record Complete(
      String type,
      long tokensUsed,
      UUID messageId,
      long inputTokens,
      long outputTokens,
      String status) {}

  record Error(String type, String message, String code, UUID messageId) {}

  private final JsonMapper json;

  ReplyEvents(JsonMapper json) {
    this.json = json;
  }

  String started(UUID replyId, UUID userMessageId) {
    return write(
        new Status("status", "thinking", "Analyzing your request…", replyId, userMessageId));
  }

  String status(String status, String message) {
    return write(new Status("status", status, message, null, null));
  }

  String chunk(String text) {
    return write(new Text("chunk", text));
  }

  String thinking(String text) {
    return write(new Text("thinking", text));
  }

  String operation(OperationView operation) {
    return write(new Operation("operation", operation));
  }

  String complete(UUID replyId, long input, long output, long total, String status) {
    return write(new Complete("complete", total, replyId, input, output, status));
  }

  String error(UUID replyId, String message, String code) {
    return write(new Error("error", message, code, replyId));
  }

  private String write(Object event) {
    return json.writeValueAsString(event);
  }
}
