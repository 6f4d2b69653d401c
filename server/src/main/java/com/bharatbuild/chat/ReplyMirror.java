package com.bharatbuild.chat;

import java.util.UUID;

/**
 * Copies a running reply's events where other instances can follow them. Called under the reply's
 * lock, in event order, so it must not block.
 */
interface ReplyMirror {

  ReplyMirror NONE = new ReplyMirror() {};

  default void appended(UUID replyId, long id, String json) {}

  /**
   * @param count how many events the reply had
   */
  default void ended(UUID replyId, long count) {}
}
