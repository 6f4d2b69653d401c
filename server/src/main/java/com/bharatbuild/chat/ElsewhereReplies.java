package com.bharatbuild.chat;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Replies that are streaming on another instance, followed through Redis: a client that lands on
 * this instance (a refresh behind a load balancer) picks the reply up where it left it.
 */
@Component
class ElsewhereReplies {

  private final RedisReplies shared;
  private final ChatMessages messages;
  private final SavedReplyEvents savedEvents;

  ElsewhereReplies(RedisReplies shared, ChatMessages messages, SavedReplyEvents savedEvents) {
    this.shared = shared;
    this.messages = messages;
    this.savedEvents = savedEvents;
  }

  /**
   * The reply to follow, if it is still streaming and instances share replies; once its saved state
   * says it ended without telling Redis (its instance died), the stream ends with that.
   */
  Optional<ReplySource> follow(UUID userId, MessageView reply) {
    if (!reply.status().equals("streaming")) {
      return Optional.empty();
    }
    return shared.follow(
        reply.id(),
        id ->
            messages
                .findOwned(id, userId)
                .map(ChatMessages.Stored::view)
                .filter(view -> !view.status().equals("streaming"))
                .map(view -> savedEvents.of(view).getLast()));
  }
}
