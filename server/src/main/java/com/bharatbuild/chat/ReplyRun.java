package com.bharatbuild.chat;

import com.bharatbuild.ai.Cancellation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One reply being generated: the events it produced so far (the replay buffer, event {@code n} is
 * at index {@code n - 1}), who is listening, and how to cancel it. Readers block on it until new
 * events arrive, so any number of streams can follow one reply.
 */
final class ReplyRun extends BufferedReply {

  private final UUID replyId;
  private final UUID userMessageId;
  private final UUID userId;
  private final UUID projectId;
  private final Cancellation cancellation = new Cancellation();
  private final Clock clock;
  private final Consumer<String> observer;
  private final ReplyMirror mirror;
  private volatile boolean cutOffByShutdown;
  private int listeners;
  private @Nullable Instant unattendedSince;

  ReplyRun(UUID replyId, UUID userMessageId, UUID userId, UUID projectId, Clock clock) {
    this(replyId, userMessageId, userId, projectId, clock, event -> {}, ReplyMirror.NONE);
  }

  /**
   * @param observer told of every event as it is appended, outside the run's lock
   * @param mirror told of every event and of the end, in order, under the run's lock
   */
  ReplyRun(
      UUID replyId,
      UUID userMessageId,
      UUID userId,
      UUID projectId,
      Clock clock,
      Consumer<String> observer,
      ReplyMirror mirror) {
    this.observer = observer;
    this.mirror = mirror;
    this.replyId = replyId;
    this.userMessageId = userMessageId;
    this.userId = userId;
    this.projectId = projectId;
    this.clock = clock;
    this.unattendedSince = clock.instant();
  }

  UUID replyId() {
    return replyId;
  }

  UUID userMessageId() {
    return userMessageId;
  }

  UUID userId() {
    return userId;
  }

  UUID projectId() {
    return projectId;
  }

  Cancellation cancellation() {
    return cancellation;
  }

  /** Stops the reply because this instance is shutting down: it ends as interrupted. */
  void cutOffByShutdown() {
    cutOffByShutdown = true;
    cancellation.cancel();
  }

  boolean wasCutOffByShutdown() {
    return cutOffByShutdown;
  }

  /** Adds an event; returns its id. */
  long append(String json) {
    long id;
    synchronized (this) {
      if (finished) {
        throw new IllegalStateException("reply " + replyId + " already ended");
      }
      events.add(json);
      id = events.size();
      mirror.appended(replyId, id, json);
    }
    wakeFollowers();
    observer.accept(json);
    return id;
  }

  void finish() {
    synchronized (this) {
      if (!finished) {
        finished = true;
        mirror.ended(replyId, events.size());
      }
    }
    wakeFollowers();
  }

  @Override
  protected synchronized void attached() {
    listeners++;
    unattendedSince = null;
  }

  @Override
  protected synchronized void detached() {
    listeners--;
    if (listeners == 0) {
      unattendedSince = clock.instant();
    }
  }

  /** Whether nobody has listened for longer than the grace period. */
  synchronized boolean abandoned(Duration grace) {
    return !finished
        && unattendedSince != null
        && Duration.between(unattendedSince, clock.instant()).compareTo(grace) >= 0;
  }
}
