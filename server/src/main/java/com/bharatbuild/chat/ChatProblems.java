package com.bharatbuild.chat;

import com.bharatbuild.shared.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The errors of the chat API. */
final class ChatProblems {

  private ChatProblems() {}

  static final class MessageNotFound extends ApiProblem {
    MessageNotFound() {
      super(HttpStatus.NOT_FOUND, "message-not-found", "Message not found", "No such message");
    }
  }

  static final class ReplyNotAvailable extends ApiProblem {
    ReplyNotAvailable() {
      super(
          HttpStatus.NOT_FOUND,
          "reply-not-available",
          "Reply not available",
          "This reply is no longer streaming and its events have expired; load the messages instead");
    }
  }

  static final class NotAnAssistantMessage extends ApiProblem {
    NotAnAssistantMessage() {
      super(
          HttpStatus.BAD_REQUEST,
          "not-an-assistant-message",
          "Not an AI reply",
          "Only an AI reply can be regenerated or reverted");
    }
  }

  static final class ReplyInProgress extends ApiProblem {
    ReplyInProgress() {
      super(
          HttpStatus.CONFLICT,
          "reply-in-progress",
          "A reply is streaming",
          "Stop the reply that is streaming before changing this conversation");
    }
  }

  static final class ShuttingDown extends ApiProblem {
    ShuttingDown() {
      super(
          HttpStatus.SERVICE_UNAVAILABLE,
          "shutting-down",
          "This server is restarting",
          "This server is stopping and takes no new replies; send the message again in a moment");
    }
  }

  static final class AttachedFileMissing extends ApiProblem {
    AttachedFileMissing(String path) {
      super(
          HttpStatus.BAD_REQUEST,
          "attached-file-missing",
          "Attached file not found",
          "The attached file " + path + " does not exist in this project");
    }
  }

  static final class ContextTooLarge extends ApiProblem {
    ContextTooLarge(long needed, long window) {
      super(
          HttpStatus.CONTENT_TOO_LARGE,
          "context-too-large",
          "Attachments too large",
          "The message and its attached files need about "
              + needed
              + " tokens, more than the model's "
              + window
              + "-token context allows with room for the answer; attach fewer or smaller files");
    }
  }

  /** More replies streaming for one user than allowed at once, on all instances together. */
  static final class TooManyReplies extends ApiProblem {
    TooManyReplies(int limit) {
      super(
          HttpStatus.TOO_MANY_REQUESTS,
          "too-many-replies",
          "Too many replies at once",
          "You already have " + limit + " replies streaming; wait for one to finish or stop one");
    }
  }
}
