package com.bharatbuild.chat;

import com.bharatbuild.shared.limits.Leases;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
  private final ChatMessages messages;
  private final Clock clock;
  private final RedisReplies shared;
  private final Leases leases;
  private volatile boolean accepting = true;
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofVirtual().name("reply-watchdog").factory());

  ReplyRegistry(
      ChatProperties settings,
      ChatMessages messages,
      Clock clock,
      RedisReplies shared,
      Leases leases,
      ChatMetrics metrics) {
    this.leases = leases;
    this.settings = settings;
    this.messages = messages;
    this.clock = clock;
    this.shared = shared;
    // a stop asked for on another instance, for a reply that runs here
    shared.onStop(id -> find(id).ifPresent(run -> run.cancellation().cancel()));
    metrics.runningReplies(() -> running().size());
    watchdog.scheduleWithFixedDelay(this::cancelAbandoned, 250, 250, TimeUnit.MILLISECONDS);
    long beat = Math.max(1_000, settings.staleAfter().toMillis() / 6);
    watchdog.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
  }

  /** False once the instance is stopping: new replies go to another instance. */
  boolean accepting() {
    return accepting;
  }

  /** Takes replies again (a stopped context that is started again, as tests do). */
  void accept() {
    accepting = true;
  }

  /**
   * Stops taking replies, lets the running ones finish for up to {@code grace}, then cuts off the
   * rest as interrupted and waits a little for them to save what they have.
   *
   * @return how many replies were cut off
   */
  int drain(Duration grace) throws InterruptedException {
    accepting = false;
    long deadline = System.nanoTime() + grace.toNanos();
    while (!running().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    List<ReplyRun> left = running();
    left.forEach(ReplyRun::cutOffByShutdown);
    long saved = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (!running().isEmpty() && System.nanoTime() < saved) {
      Thread.sleep(50);
    }
    return left.size();
  }

  private List<ReplyRun> running() {
    return runs.values().stream().filter(run -> !run.isFinished()).distinct().toList();
  }

  /**
   * Takes the project's one slot and one of the user's slots for a reply about to start, on all
   * instances together.
   *
   * @throws ChatProblems.ReplyInProgress when the project has a reply streaming
   * @throws ChatProblems.TooManyReplies when all the user's slots are taken
   */
  void admit(UUID userId, UUID projectId, UUID replyId) {
    String holder = replyId.toString();
    if (!leases.acquire(projectSlot(projectId), holder, 1, settings.staleAfter())) {
      throw new ChatProblems.ReplyInProgress();
    }
    if (!leases.acquire(
        userSlots(userId), holder, settings.maxRepliesPerUser(), settings.staleAfter())) {
      leases.release(projectSlot(projectId), holder);
      throw new ChatProblems.TooManyReplies(settings.maxRepliesPerUser());
    }
  }

  /** Gives back the slots of a reply that ended or never started. */
  void release(UUID userId, UUID projectId, UUID replyId) {
    try {
      leases.release(projectSlot(projectId), replyId.toString());
      leases.release(userSlots(userId), replyId.toString());
    } catch (RuntimeException e) {
      // the slots lapse on their own once they are no longer renewed
      log.warn("Could not release the slots of reply {}: {}", replyId, e.getMessage());
    }
  }

  private static String userSlots(UUID userId) {
    return "replies-of-user:" + userId;
  }

  private static String projectSlot(UUID projectId) {
    return "reply-in-project:" + projectId;
  }

  private void beat() {
    try {
      List<ReplyRun> alive = running();
      for (ReplyRun run : alive) {
        leases.renew(projectSlot(run.projectId()), run.replyId().toString(), settings.staleAfter());
        leases.renew(userSlots(run.userId()), run.replyId().toString(), settings.staleAfter());
      }
      messages.heartbeat(alive.stream().map(ReplyRun::replyId).toList(), clock.instant());
    } catch (RuntimeException e) {
      // a missed beat is retried at the next one, well before a reply would count as dead
      log.warn("Could not record the heartbeat of running replies: {}", e.getMessage());
    }
  }

  void add(ReplyRun run) {
    runs.put(run.replyId(), run);
    runs.put(run.userMessageId(), run);
  }

  /** Where replies started here copy their events for other instances. */
  ReplyMirror mirror() {
    return shared.mirror();
  }

  /**
   * Cancels the reply with this id (or answering the message with this id), here or on whichever
   * instance runs it. The caller has checked that the user owns it.
   */
  void stop(UUID messageId) {
    Optional<ReplyRun> here = find(messageId);
    if (here.isPresent()) {
      here.get().cancellation().cancel();
    } else if (shared.enabled()) {
      shared.stop(messageId);
    }
  }

  /** The run of a reply, by the reply's id or the id of the user message it answers. */
  Optional<ReplyRun> find(UUID messageId) {
    return Optional.ofNullable(runs.get(messageId));
  }

  void finished(ReplyRun run) {
    release(run.userId(), run.projectId(), run.replyId());
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
        if (run.abandoned(settings.disconnectGrace()) && !shared.watchedElsewhere(run.replyId())) {
          run.cancellation().cancel();
        }
      } catch (RuntimeException e) {
        // one reply's failure must not stop the watchdog for the others
        log.warn("Could not cancel abandoned reply {}", run.replyId(), e);
      }
    }
  }

  /**
   * Replies still running when the context closes (no drain ran): cut off, saving what they have.
   */
  @Override
  public void destroy() {
    accepting = false;
    running().forEach(ReplyRun::cutOffByShutdown);
    watchdog.shutdownNow();
  }
}
