package com.bharatbuild.chat;

import com.bharatbuild.chat.ChatMessageChanged.Change;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Tells the rest of the application what happened to messages, after it is stored. */
@Component
class ChatActivity {

  private final ApplicationEventPublisher events;
  private final ChatMessages messages;

  ChatActivity(ApplicationEventPublisher events, ChatMessages messages) {
    this.events = events;
    this.messages = messages;
  }

  void saved(UUID userId, UUID messageId, Change change) {
    messages
        .findOwned(messageId, userId)
        .ifPresent(
            stored ->
                events.publishEvent(
                    new ChatMessageChanged(
                        stored.projectId(), userId, messageId, change, stored.view())));
  }

  void deleted(UUID projectId, UUID userId, UUID messageId) {
    events.publishEvent(new ChatMessageChanged(projectId, userId, messageId, Change.DELETED, null));
  }

  void replyEvent(UUID projectId, UUID userId, UUID messageId, String event) {
    events.publishEvent(new ReplyEventAppended(projectId, userId, messageId, event));
  }
}
