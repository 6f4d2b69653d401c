package com.bharatbuild.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * A tab that stops reading must not delay the others, and is disconnected once it falls behind. The
 * two tabs here are the far ends of sockets: one whose writes block forever, as a socket to a
 * browser that stopped reading does once its buffers are full, and one that takes each message.
 */
class SlowTabTest {

  /** The server's end of a socket; {@code stuck} makes every write block. */
  static final class Peer implements WebSocketSession {
    final List<String> received = new CopyOnWriteArrayList<>();
    final CountDownLatch never = new CountDownLatch(1);
    final boolean stuck;
    volatile @Nullable CloseStatus closed;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final String id = UUID.randomUUID().toString();

    Peer(boolean stuck) {
      this.stuck = stuck;
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) {
      if (stuck) {
        try {
          never.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      received.add(((TextMessage) message).getPayload());
    }

    @Override
    public void close(CloseStatus status) {
      closed = status;
      never.countDown();
    }

    @Override
    public void close() {
      close(CloseStatus.NORMAL);
    }

    @Override
    public boolean isOpen() {
      return closed == null;
    }

    @Override
    public String getId() {
      return id;
    }

    @Override
    public @Nullable URI getUri() {
      return null;
    }

    @Override
    public HttpHeaders getHandshakeHeaders() {
      return new HttpHeaders();
    }

    @Override
    public Map<String, Object> getAttributes() {
      return attributes;
    }

    @Override
    public @Nullable Principal getPrincipal() {
      return null;
    }

    @Override
    public @Nullable InetSocketAddress getLocalAddress() {
      return null;
    }

    @Override
    public @Nullable InetSocketAddress getRemoteAddress() {
      return null;
    }

    @Override
    public @Nullable String getAcceptedProtocol() {
      return null;
    }

    @Override
    public void setTextMessageSizeLimit(int messageSizeLimit) {}

    @Override
    public int getTextMessageSizeLimit() {
      return 0;
    }

    @Override
    public void setBinaryMessageSizeLimit(int messageSizeLimit) {}

    @Override
    public int getBinaryMessageSizeLimit() {
      return 0;
    }

    @Override
    public List<WebSocketExtension> getExtensions() {
      return List.of();
    }
  }

  @Test
  void aStuckTabIsDroppedAndTheOthersGetEverythingAtOnce() throws Exception {
    ProjectChannel channel = new ProjectChannel(UUID.randomUUID(), UUID.randomUUID(), 100, 0);
    Peer stuck = new Peer(true);
    Peer reading = new Peer(false);
    channel.join(new LiveClient(stuck, 50));
    channel.join(new LiveClient(reading, 50));

    long start = System.nanoTime();
    for (int i = 1; i <= 200; i++) {
      channel.publish("\"type\":\"file.changed\",\"version\":" + i);
      Thread.sleep(0, 100_000);
    }
    long publishing = System.nanoTime() - start;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (reading.received.size() < 200 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }

    assertThat(reading.received).hasSize(200);
    assertThat(reading.received.getLast()).contains("\"version\":200");
    assertThat(stuck.closed).isNotNull();
    assertThat(stuck.closed.getCode()).isEqualTo(CloseStatus.POLICY_VIOLATION.getCode());
    assertThat(channel.clients()).hasSize(1);
    assertThat(TimeUnit.NANOSECONDS.toMillis(publishing))
        .as("publishing never waited for the stuck tab")
        .isLessThan(2_000);
  }
}
