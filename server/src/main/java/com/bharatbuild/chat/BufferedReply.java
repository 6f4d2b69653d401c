package com.bharatbuild.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The events of a reply kept in memory, event {@code n} at index {@code n - 1}, and whether it has
 * ended. Subclasses add events and end it under this object's lock, then call {@link
 * #wakeFollowers()} outside it: every following stream is told on the producing thread and writes
 * what it can without blocking, so no thread waits per stream and no thread switch happens per
 * chunk.
 */
abstract class BufferedReply implements ReplySource {

  protected final List<String> events = new ArrayList<>();
  protected boolean finished;
  private final List<Runnable> followers = new CopyOnWriteArrayList<>();

  @Override
  public synchronized List<String> eventsAfter(long lastSeen) {
    if (lastSeen >= events.size()) {
      return List.of();
    }
    return List.copyOf(events.subList((int) Math.max(0, lastSeen), events.size()));
  }

  @Override
  public synchronized boolean isFinished() {
    return finished;
  }

  @Override
  public void attach(Runnable wake) {
    followers.add(wake);
    attached();
  }

  @Override
  public void detach(Runnable wake) {
    if (followers.remove(wake)) {
      detached();
    }
  }

  /** A stream started following. */
  protected abstract void attached();

  /** A stream stopped following. */
  protected abstract void detached();

  /** Tells every following stream that there is news; call without holding the lock. */
  protected void wakeFollowers() {
    for (Runnable follower : followers) {
      follower.run();
    }
  }
}
