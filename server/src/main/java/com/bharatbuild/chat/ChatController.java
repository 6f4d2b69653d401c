package com.bharatbuild.chat;

import com.bharatbuild.auth.CurrentUserId;
import com.bharatbuild.edits.RevertResult;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The chat API of SPEC section 2, "Chat". */
@RestController
@RequestMapping("/api/v1/chat")
class ChatController {

  private final ChatService chat;
  private final ReplyStreamer streamer;
  private final ElsewhereReplies elsewhereReplies;
  private final SavedReplyEvents savedEvents;

  ChatController(
      ChatService chat,
      ReplyStreamer streamer,
      SavedReplyEvents savedEvents,
      ElsewhereReplies elsewhereReplies) {
    this.elsewhereReplies = elsewhereReplies;
    this.chat = chat;
    this.streamer = streamer;
    this.savedEvents = savedEvents;
  }

  /** Sends a message and streams the reply; 402 before any stream when the balance is too low. */
  @PostMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ApiResponse(
      responseCode = "200",
      description = "The reply's event stream",
      content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
  void sendAndStream(
      @CurrentUserId UUID userId,
      @Valid @RequestBody ChatRequest request,
      HttpServletRequest http,
      HttpServletResponse response)
      throws IOException {
    ReplyRun run = chat.send(userId, request);
    streamer.stream(run, 0, http, response);
  }

  /** Sends a message; its reply streams from {@code GET /chat/stream?messageId=}. */
  @PostMapping("/send")
  @ResponseStatus(HttpStatus.CREATED)
  MessageView send(@CurrentUserId UUID userId, @Valid @RequestBody ChatRequest request) {
    ReplyRun run = chat.send(userId, request);
    return chat.message(userId, run.userMessageId());
  }

  /**
   * The event stream of the reply to user message {@code messageId} (or of that reply itself),
   * resumable with {@code Last-Event-ID}.
   */
  @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ApiResponse(
      responseCode = "200",
      description = "The reply's event stream",
      content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
  void follow(
      @CurrentUserId UUID userId,
      @RequestParam UUID messageId,
      @RequestHeader(value = "Last-Event-ID", required = false) @Nullable String lastEventId,
      HttpServletRequest http,
      HttpServletResponse response)
      throws IOException {
    long after = parseEventId(lastEventId);
    Optional<ReplyRun> run = chat.runFor(userId, messageId);
    if (run.isPresent()) {
      streamer.stream(run.get(), after, http, response);
      return;
    }
    MessageView saved = chat.savedReply(userId, messageId);
    Optional<ReplySource> elsewhere = elsewhereReplies.follow(userId, saved);
    if (elsewhere.isPresent()) {
      streamer.stream(elsewhere.get(), after, http, response);
    } else {
      streamer.replay(savedEvents.of(saved), after, response);
    }
  }

  @GetMapping("/messages/{projectId}")
  List<MessageView> messages(@CurrentUserId UUID userId, @PathVariable UUID projectId) {
    return chat.list(userId, projectId);
  }

  @DeleteMapping("/messages/{messageId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@CurrentUserId UUID userId, @PathVariable UUID messageId) {
    chat.delete(userId, messageId);
  }

  /** Streams a new reply that replaces the AI reply {@code messageId}. */
  @PostMapping(value = "/regenerate/{messageId}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ApiResponse(
      responseCode = "200",
      description = "The new reply's event stream",
      content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
  void regenerate(
      @CurrentUserId UUID userId,
      @PathVariable UUID messageId,
      HttpServletRequest http,
      HttpServletResponse response)
      throws IOException {
    ReplyRun run = chat.regenerate(userId, messageId);
    streamer.stream(run, 0, http, response);
  }

  /** Stops a reply (by its id or its user message's id); what arrived is kept. */
  @PostMapping("/stop/{messageId}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void stop(@CurrentUserId UUID userId, @PathVariable UUID messageId) {
    chat.stop(userId, messageId);
  }

  /** Undoes the file operations of the AI reply {@code messageId}. */
  @PostMapping("/messages/{messageId}/revert")
  RevertResult revert(
      @CurrentUserId UUID userId,
      @PathVariable UUID messageId,
      @RequestBody(required = false) @Nullable RevertRequest request) {
    return chat.revert(userId, messageId, request != null && request.force());
  }

  private static long parseEventId(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(header.trim()));
    } catch (NumberFormatException notOurs) {
      return 0;
    }
  }
}
