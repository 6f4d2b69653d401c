package com.bharatbuild.chat;

import com.bharatbuild.chat.ChatMessageChanged.Change;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Tells the rest of the application what happened to messages, after it is stored. */
@Component
class ChatActivity {

  private final ApplicationEventPublisher events;
  private final ChatMessages messages;
  private final List<ReplyEventSink> sinks;

  ChatActivity(
      ApplicationEventPublisher events,
      ChatMessages messages,
      ObjectProvider<ReplyEventSink> sinks) {
    this.events = events;
    this.messages = messages;
    this.sinks = sinks.orderedStream().toList();
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
    if (sinks.isEmpty()) {
      return;
    }
    ReplyEventAppended appended = new ReplyEventAppended(projectId, userId, messageId, event);
    for (ReplyEventSink sink : sinks) {
      sink.appended(appended);
    }
  }
}
