package com.bharatbuild.projects;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who makes a change to a file, recorded in its version history.
 *
 * @param messageId the AI message whose operation made the change, if any
 */
public record FileChange(Author author, UUID userId, @Nullable UUID messageId) {

  public enum Author {
    USER,
    AI,
    RUN;

    String column() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static FileChange byUser(UUID userId) {
    return new FileChange(Author.USER, userId, null);
  }

  public static FileChange byAi(UUID userId, UUID messageId) {
    return new FileChange(Author.AI, userId, messageId);
  }
}
