package com.bharatbuild.chat;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the event stream of a reply that is no longer in memory from what was saved, so a client
 * that asks late still gets the whole reply in the same shape.
 */
@Component
class SavedReplyEvents {

  private final ReplyEvents events;

  SavedReplyEvents(ReplyEvents events) {
    this.events = events;
  }

  List<String> of(MessageView reply) {
    List<String> stream = new ArrayList<>();
    stream.add(events.started(reply.id(), reply.replyTo()));
    if (!reply.content().isEmpty()) {
      stream.add(events.chunk(reply.content()));
    }
    reply.operations().forEach(operation -> stream.add(events.operation(operation)));
    switch (reply.status()) {
      case "error" -> stream.add(events.error(reply.id(), "The reply failed", "failed"));
      case "interrupted" ->
          stream.add(
              events.error(
                  reply.id(), "The server stopped while this reply was streaming", "interrupted"));
      case "streaming" ->
          stream.add(
              events.error(
                  reply.id(), "This reply is streaming on another server instance", "elsewhere"));
      default -> stream.add(events.complete(reply.id(), 0, 0, reply.tokensUsed(), reply.status()));
    }
    return stream;
  }
}
