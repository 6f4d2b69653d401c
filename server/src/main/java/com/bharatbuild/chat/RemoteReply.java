package com.bharatbuild.chat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A reply that another instance is generating, as this instance has read it from Redis so far. Any
 * number of streams here follow it the way they follow a {@link ReplyRun}.
 */
final class RemoteReply extends BufferedReply {

  private final UUID replyId;
  private int listeners;
  private long lastNews = System.nanoTime();
  private long lastUse = System.nanoTime();

  RemoteReply(UUID replyId) {
    this.replyId = replyId;
  }

  UUID replyId() {
    return replyId;
  }

  /** How many events this instance has read. */
  synchronized long read() {
    return events.size();
  }

  /** Adds what was read after {@link #read()}; {@code end} when the reply is over. */
  void add(List<String> more, boolean end) {
    synchronized (this) {
      if (finished || (more.isEmpty() && !end)) {
        return;
      }
      events.addAll(more);
      finished = end;
      lastNews = System.nanoTime();
    }
    wakeFollowers();
  }

  /** How long nothing new arrived. */
  synchronized Duration silentFor() {
    return Duration.ofNanos(System.nanoTime() - lastNews);
  }

  /** Whether no stream has followed it for {@code idle}. */
  synchronized boolean unused(Duration idle) {
    return listeners == 0 && System.nanoTime() - lastUse > idle.toNanos();
  }

  synchronized boolean followed() {
    return listeners > 0;
  }

  @Override
  protected synchronized void attached() {
    listeners++;
    lastUse = System.nanoTime();
  }

  @Override
  protected synchronized void detached() {
    listeners--;
    lastUse = System.nanoTime();
  }
}
