package com.bharatbuild.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of a reply kept in memory, event {@code n} at index {@code n - 1}, and whether it has
 * ended. Readers wait on this object until new events arrive, so any number of streams follow one
 * reply; subclasses add events and end it under the same lock and wake them with {@code notifyAll}.
 */
abstract class BufferedReply implements ReplySource {

  protected final List<String> events = new ArrayList<>();
  protected boolean finished;

  @Override
  public synchronized List<String> eventsAfter(long lastSeen, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (events.size() <= lastSeen && !finished) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return List.of();
      }
      wait(Math.max(1, left / 1_000_000));
    }
    int from = (int) Math.min(lastSeen, events.size());
    return List.copyOf(events.subList(from, events.size()));
  }

  @Override
  public synchronized boolean isFinished() {
    return finished;
  }
}
