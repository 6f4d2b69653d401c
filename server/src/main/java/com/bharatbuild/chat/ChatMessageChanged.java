package com.bharatbuild.chat;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A chat message was saved, finished or deleted; published after the change is stored.
 *
 * @param message the message as it now is; null when it was deleted
 */
public record ChatMessageChanged(
    UUID projectId, UUID userId, UUID messageId, Change change, @Nullable MessageView message) {

  public enum Change {
    CREATED,
    UPDATED,
    DELETED
  }
}
