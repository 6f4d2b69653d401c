package com.bharatbuild.chat;

import java.util.Map;
import java.util.Optional;
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
 * The replies this instance is generating or has just finished, by reply id and by the id of the
 * user message they answer. A watchdog cancels replies nobody listened to for the grace period and
 * forgets finished ones after the replay retention.
 */
@Component
class ReplyRegistry implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ReplyRegistry.class);

  private final Map<UUID, ReplyRun> runs = new ConcurrentHashMap<>();
  private final ChatProperties settings;
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofVirtual().name("reply-watchdog").factory());

  ReplyRegistry(ChatProperties settings) {
    this.settings = settings;
    watchdog.scheduleWithFixedDelay(this::cancelAbandoned, 250, 250, TimeUnit.MILLISECONDS);
  }

  void add(ReplyRun run) {
    runs.put(run.replyId(), run);
    runs.put(run.userMessageId(), run);
  }

  /** The run of a reply, by the reply's id or the id of the user message it answers. */
  Optional<ReplyRun> find(UUID messageId) {
    return Optional.ofNullable(runs.get(messageId));
  }

  Optional<ReplyRun> runningInProject(UUID projectId) {
    return runs.values().stream()
        .filter(run -> run.projectId().equals(projectId) && !run.isFinished())
        .findFirst();
  }

  void finished(ReplyRun run) {
    watchdog.schedule(
        () -> {
          runs.remove(run.replyId(), run);
          runs.remove(run.userMessageId(), run);
        },
        settings.replayRetention().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void cancelAbandoned() {
    for (ReplyRun run : runs.values()) {
      try {
        if (run.abandoned(settings.disconnectGrace())) {
          run.cancellation().cancel();
        }
      } catch (RuntimeException e) {
        // one reply's failure must not stop the watchdog for the others
        log.warn("Could not cancel abandoned reply {}", run.replyId(), e);
      }
    }
  }

  /** Running replies at shutdown: cancelled, so each saves what it has. */
  @Override
  public void destroy() {
    runs.values().forEach(run -> run.cancellation().cancel());
    watchdog.shutdownNow();
  }
}
