package com.bharatbuild.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keeps the saved text of running replies no more than a save interval behind, for all of them in
 * one batch off their own threads. Saving from the reply's thread made it wait for a pooled
 * connection between two chunks, and thousands of replies made as many statements every interval.
 */
@Component
class ReplyProgress implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ReplyProgress.class);

  private final Map<UUID, ReplyAssembler> running = new ConcurrentHashMap<>();
  private final ChatMessages messages;
  private final ScheduledExecutorService saver =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("reply-saver").factory());

  ReplyProgress(ChatMessages messages, ChatProperties settings) {
    this.messages = messages;
    long every = Math.max(1, settings.saveInterval().toMillis());
    saver.scheduleWithFixedDelay(this::saveAll, every, every, TimeUnit.MILLISECONDS);
  }

  /** Saves this reply's progress from now on. */
  void track(UUID replyId, ReplyAssembler reply) {
    running.put(replyId, reply);
  }

  /** The reply is about to save its final state: no more progress saves for it. */
  void untrack(UUID replyId) {
    running.remove(replyId);
  }

  void saveAll() {
    try {
      List<ChatMessages.Progress> changed = new ArrayList<>();
      running.forEach(
          (replyId, reply) -> {
            ReplyAssembler.Snapshot snapshot = reply.snapshotIfChanged();
            if (snapshot != null) {
              changed.add(
                  new ChatMessages.Progress(replyId, snapshot.text(), snapshot.operations()));
            }
          });
      messages.saveProgress(changed);
    } catch (RuntimeException e) {
      // a reply that says more is saved at the next round, and the end of each reply saves it all
      log.warn("Could not save the progress of running replies: {}", e.getMessage());
    }
  }

  @Override
  public void destroy() {
    saver.shutdownNow();
  }
}
