package com.bharatbuild.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The messages of one project: numbered, the newest kept for catch-up, delivered to every tab
 * connected to it.
 */
final class ProjectChannel {

  /** A numbered message as sent. */
  record Numbered(long seq, String json) {}

  private final UUID projectId;
  private final UUID ownerId;
  private final int kept;
  private final Deque<Numbered> recent = new ArrayDeque<>();
  private final Set<LiveClient> clients = new CopyOnWriteArraySet<>();
  private long seq;
  private volatile long unwatchedSince = System.nanoTime();

  ProjectChannel(UUID projectId, UUID ownerId, int kept, long seq) {
    this.projectId = projectId;
    this.ownerId = ownerId;
    this.kept = kept;
    this.seq = seq;
  }

  UUID projectId() {
    return projectId;
  }

  UUID ownerId() {
    return ownerId;
  }

  /**
   * Numbers a message, keeps it, and hands it to every client.
   *
   * @param body the JSON object's members after {@code seq}, without braces
   */
  synchronized void publish(String body) {
    deliver(seq + 1, body);
  }

  /** Keeps and hands out a message numbered elsewhere (by the Redis counter). */
  synchronized void deliver(long number, String body) {
    seq = Math.max(seq, number);
    Numbered message = new Numbered(number, "{\"seq\":" + number + "," + body + "}");
    recent.addLast(message);
    if (recent.size() > kept) {
      recent.removeFirst();
    }
    // delivered inside the lock so every client receives messages in the order they are kept
    for (LiveClient client : clients) {
      if (!client.offer(message.json())) {
        clients.remove(client);
      }
    }
  }

  /**
   * The messages after {@code after}, or empty when some of them are no longer kept (the client
   * must reload the project).
   */
  synchronized Optional<List<Numbered>> after(long after) {
    if (after > seq) {
      return Optional.empty();
    }
    long oldest = recent.isEmpty() ? seq + 1 : recent.peekFirst().seq();
    if (after + 1 < oldest && after < seq) {
      return Optional.empty();
    }
    List<Numbered> missed = new ArrayList<>();
    for (Numbered message : recent) {
      if (message.seq() > after) {
        missed.add(message);
      }
    }
    return Optional.of(missed);
  }

  /** Adds a client, first replaying what it missed, atomically with respect to new messages. */
  synchronized boolean resume(LiveClient client, long after) {
    Optional<List<Numbered>> missed = after(after);
    if (missed.isEmpty()) {
      return false;
    }
    for (Numbered message : missed.get()) {
      if (!client.offer(message.json())) {
        return true;
      }
    }
    clients.add(client);
    return true;
  }

  synchronized void join(LiveClient client) {
    clients.add(client);
  }

  /** Whether no tab has been connected for longer than the given time. */
  boolean unwatchedFor(long nanos) {
    clients.removeIf(client -> !client.isOpen());
    if (!clients.isEmpty()) {
      unwatchedSince = System.nanoTime();
      return false;
    }
    return System.nanoTime() - unwatchedSince > nanos;
  }

  synchronized long seq() {
    return seq;
  }

  void leave(LiveClient client) {
    clients.remove(client);
    if (clients.isEmpty()) {
      unwatchedSince = System.nanoTime();
    }
  }

  Set<LiveClient> clients() {
    return clients;
  }
}
