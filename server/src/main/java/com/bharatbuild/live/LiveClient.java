package com.bharatbuild.live;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One connected tab. Publishers only put messages on its bounded queue; a virtual thread writes
 * them to the socket, so a tab that stops reading slows nobody else. Past the bound it is
 * disconnected with the reason, reconnects and catches up from its last sequence number. The thread
 * runs only while there is something to send: an idle tab holds no thread (its parked stack cost
 * more memory than the rest of the tab's own objects).
 */
final class LiveClient {

  private static final Logger log = LoggerFactory.getLogger(LiveClient.class);

  private final WebSocketSession socket;
  private final BlockingQueue<String> queue;
  private volatile long lastHeard = System.nanoTime();
  private volatile boolean closed;
  private final AtomicBoolean joined = new AtomicBoolean();
  // whether a sender thread is running; at most one is, so messages go out in order
  private final AtomicBoolean sending = new AtomicBoolean();

  LiveClient(WebSocketSession socket, int capacity) {
    this.socket = socket;
    this.queue = new LinkedBlockingQueue<>(capacity);
  }

  /** Queues a message; false, and the client is closed, when it has fallen too far behind. */
  boolean offer(String json) {
    if (closed) {
      return false;
    }
    if (!queue.offer(json)) {
      close(CloseStatus.POLICY_VIOLATION.withReason("too far behind; reconnect and resume"));
      return false;
    }
    if (sending.compareAndSet(false, true)) {
      Thread.ofVirtual().name("live-send").start(this::drain);
    }
    return true;
  }

  /** True the first time only: a client joins its channel once, by resuming or by waiting. */
  boolean markJoined() {
    return joined.compareAndSet(false, true);
  }

  void heard() {
    lastHeard = System.nanoTime();
  }

  boolean silentFor(long nanos) {
    return System.nanoTime() - lastHeard > nanos;
  }

  boolean isOpen() {
    return !closed && socket.isOpen();
  }

  String id() {
    return socket.getId();
  }

  void close(CloseStatus status) {
    if (closed) {
      return;
    }
    closed = true;
    queue.clear();
    try {
      socket.close(status);
    } catch (IOException | IllegalStateException e) {
      log.debug("Live socket {} already closed", socket.getId());
    }
  }

  private void drain() {
    try {
      do {
        for (String next = queue.poll(); next != null && !closed; next = queue.poll()) {
          synchronized (socket) {
            socket.sendMessage(new TextMessage(next));
          }
        }
        sending.set(false);
        // a message queued after the last poll but before the flag was cleared started no
        // thread: this one takes it
      } while (!closed && !queue.isEmpty() && sending.compareAndSet(false, true));
    } catch (IOException | IllegalStateException gone) {
      close(CloseStatus.SESSION_NOT_RELIABLE);
    }
  }

  /** Sends a control frame (a ping) outside the queue. */
  void sendNow(org.springframework.web.socket.WebSocketMessage<?> message) {
    if (!isOpen()) {
      return;
    }
    try {
      synchronized (socket) {
        socket.sendMessage(message);
      }
    } catch (IOException | IllegalStateException e) {
      close(CloseStatus.SESSION_NOT_RELIABLE);
    }
  }
}
