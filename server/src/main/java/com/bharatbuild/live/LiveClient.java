package com.bharatbuild.live;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One connected tab. Publishers only put messages on its bounded queue; a virtual thread of its own
 * writes them to the socket, so a tab that stops reading slows nobody else. Past the bound it is
 * disconnected with the reason, reconnects and catches up from its last sequence number.
 */
final class LiveClient {

  private static final Logger log = LoggerFactory.getLogger(LiveClient.class);
  private static final String POISON = "";

  private final WebSocketSession socket;
  private final BlockingQueue<String> queue;
  private volatile long lastHeard = System.nanoTime();
  private volatile boolean closed;
  private final java.util.concurrent.atomic.AtomicBoolean joined =
      new java.util.concurrent.atomic.AtomicBoolean();

  LiveClient(WebSocketSession socket, int capacity) {
    this.socket = socket;
    this.queue = new LinkedBlockingQueue<>(capacity);
    Thread.ofVirtual().name("live-send").start(this::drain);
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
    queue.offer(POISON);
    try {
      socket.close(status);
    } catch (IOException | IllegalStateException e) {
      log.debug("Live socket {} already closed", socket.getId());
    }
  }

  private void drain() {
    try {
      while (!closed) {
        String next = queue.poll(30, TimeUnit.SECONDS);
        if (next == null || next.isEmpty()) {
          continue;
        }
        synchronized (socket) {
          socket.sendMessage(new TextMessage(next));
        }
      }
    } catch (IOException | IllegalStateException gone) {
      close(CloseStatus.SESSION_NOT_RELIABLE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
