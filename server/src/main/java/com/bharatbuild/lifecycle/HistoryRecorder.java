package com.bharatbuild.lifecycle;

import com.bharatbuild.chat.ChatMessageChanged;
import com.bharatbuild.edits.MessageReverted;
import com.bharatbuild.execution.RunEnded;
import com.bharatbuild.lifecycle.ProjectHistory.Author;
import com.bharatbuild.projects.ProjectDeleted;
import com.bharatbuild.projects.ProjectFileChanged;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Decides when the history gets a commit: at once for each save by the user, once per AI reply (all
 * its operations together, with the request as the message), once per run, and every few seconds
 * for what the terminal's commands changed.
 */
@Component
class HistoryRecorder {

  private static final Logger log = LoggerFactory.getLogger(HistoryRecorder.class);
  private static final int REMEMBERED_QUESTIONS = 1_000;

  /** A commit waiting for the changes that belong with it. */
  private record Pending(UUID owner, Author author, String title, @Nullable UUID messageId) {}

  private final ProjectHistory history;
  private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
  private final Map<UUID, String> questions =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, String> eldest) {
              return size() > REMEMBERED_QUESTIONS;
            }
          });

  HistoryRecorder(ProjectHistory history) {
    this.history = history;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(ProjectFileChanged change) {
    switch (change.by()) {
      case USER ->
          pending.merge(
              change.projectId(),
              new Pending(change.userId(), Author.USER, title(change), null),
              (waiting, next) ->
                  waiting.author() == Author.RUN
                      ? next
                      : waiting.title().equals(next.title()) || waiting.messageId() != null
                          ? waiting
                          : new Pending(waiting.owner(), Author.USER, "Save several files", null));
      case RUN ->
          pending.putIfAbsent(
              change.projectId(),
              new Pending(
                  change.userId(), Author.RUN, "Terminal: files changed by commands", null));
      case AI -> {
        // committed when the reply ends, with all its operations together
      }
    }
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(MessageReverted reverted) {
    pending.put(
        reverted.projectId(),
        new Pending(
            reverted.userId(),
            Author.USER,
            "Revert the AI reply " + reverted.messageId(),
            reverted.messageId()));
  }

  @EventListener
  void on(ChatMessageChanged change) {
    if (change.message() == null) {
      return;
    }
    if (change.message().role().equals("user")) {
      questions.put(change.messageId(), change.message().content());
    } else if (change.change() == ChatMessageChanged.Change.UPDATED) {
      UUID question = change.message().replyTo();
      String asked = question == null ? null : questions.remove(question);
      commit(
          change.userId(),
          change.projectId(),
          Author.ASSISTANT,
          "AI: " + firstLine(asked == null ? "reply " + change.messageId() : asked),
          change.messageId());
    }
  }

  @EventListener
  void on(RunEnded ended) {
    pending.remove(ended.projectId());
    commit(
        ended.userId(),
        ended.projectId(),
        Author.RUN,
        "Run: " + firstLine(ended.run().command()),
        null);
  }

  /** Saves, reverts and the terminal's changes, each gathered for a moment into one commit. */
  @Scheduled(fixedDelay = 1_000)
  void commitPending() {
    pending.forEach(
        (project, waiting) -> {
          if (pending.remove(project, waiting)) {
            commit(
                waiting.owner(), project, waiting.author(), waiting.title(), waiting.messageId());
          }
        });
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(ProjectDeleted deleted) {
    pending.remove(deleted.projectId());
    history.delete(deleted.projectId());
  }

  private void commit(
      UUID owner, UUID project, Author author, String title, @Nullable UUID messageId) {
    try {
      history.commit(owner, project, author, title, messageId);
    } catch (RuntimeException e) {
      // the files are safe in the database; only this commit of their history is missing
      log.warn("No history commit for project {}: {}", project, e.getMessage());
    }
  }

  private static String title(ProjectFileChanged change) {
    return (change.deleted() ? "Delete " : "Save ") + change.path();
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 72 ? line.substring(0, 71) + "…" : line;
  }
}
