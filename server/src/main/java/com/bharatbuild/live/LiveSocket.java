package com.bharatbuild.live;

import com.bharatbuild.shared.tickets.TicketHandshake;
import java.util.UUID;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The project channel's WebSocket. On connect the server says {@code hello} with its epoch and the
 * current sequence number; a tab that saw messages before sends {@code {"type":"resume",
 * "after":SEQ, "epoch":E}} and gets what it missed, or {@code resync} when that is no longer kept.
 * Tabs send {@code {"type":"ping"}} every 20 s.
 */
final class LiveSocket extends TextWebSocketHandler {

  private static final String CLIENT = "bharatbuild.live.client";
  private static final String CHANNEL = "bharatbuild.live.channel";
  private static final long RESUME_WAIT_MS = 2_000;
  private static final String HELLO_SEQ = "bharatbuild.live.hello";

  private final LiveChannels channels;
  private final LiveProperties settings;

  LiveSocket(LiveChannels channels, LiveProperties settings) {
    this.channels = channels;
    this.settings = settings;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession socket) throws Exception {
    UUID user = (UUID) socket.getAttributes().get(TicketHandshake.USER);
    UUID project = (UUID) socket.getAttributes().get(TicketHandshake.PROJECT);
    ProjectChannel channel = channels.channel(project, user);
    LiveClient client = new LiveClient(socket, settings.queuedMessages());
    socket.getAttributes().put(CLIENT, client);
    socket.getAttributes().put(CHANNEL, channel);
    long helloSeq = channel.seq();
    socket.getAttributes().put(HELLO_SEQ, helloSeq);
    client.offer(
        "{\"type\":\"hello\",\"epoch\":\"" + channels.epoch() + "\",\"seq\":" + helloSeq + "}");
    // a tab that does not resume at once gets what is published from now on
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                Thread.sleep(RESUME_WAIT_MS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              if (client.isOpen() && client.markJoined() && !channel.resume(client, helloSeq)) {
                channel.join(client);
              }
            });
  }

  @Override
  protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
    LiveClient client = (LiveClient) socket.getAttributes().get(CLIENT);
    ProjectChannel channel = (ProjectChannel) socket.getAttributes().get(CHANNEL);
    if (client == null || channel == null) {
      return;
    }
    client.heard();
    JsonNode command;
    try {
      command = LiveChannels.JSON.readTree(message.getPayload());
    } catch (JacksonException notJson) {
      client.close(CloseStatus.BAD_DATA.withReason("expected JSON"));
      return;
    }
    switch (command.path("type").asString("")) {
      case "ping" -> client.offer("{\"type\":\"pong\"}");
      case "resume" ->
          resume(client, channel, command, (Long) socket.getAttributes().get(HELLO_SEQ));
      default -> client.close(CloseStatus.BAD_DATA.withReason("unknown message type"));
    }
  }

  /**
   * Joins the tab to its channel: after the number it names, or, for a tab with nothing seen yet
   * ({@code after: -1}), after the number its hello carried, so nothing published between the two
   * is lost.
   */
  private void resume(LiveClient client, ProjectChannel channel, JsonNode command, long helloSeq) {
    if (!client.markJoined()) {
      return;
    }
    boolean sameServer = channels.epoch().equals(command.path("epoch").asString(""));
    long after = command.path("after").asLong(-1);
    if (after < 0) {
      if (!channel.resume(client, helloSeq)) {
        channel.join(client);
      }
    } else if (!sameServer || !channel.resume(client, after)) {
      client.offer("{\"type\":\"resync\",\"seq\":" + channel.seq() + "}");
      channel.join(client);
    }
  }

  @Override
  protected void handlePongMessage(WebSocketSession socket, PongMessage message) {
    LiveClient client = (LiveClient) socket.getAttributes().get(CLIENT);
    if (client != null) {
      client.heard();
    }
  }

  @Override
  public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
    LiveClient client = (LiveClient) socket.getAttributes().get(CLIENT);
    ProjectChannel channel = (ProjectChannel) socket.getAttributes().get(CHANNEL);
    if (client != null && channel != null) {
      client.close(status);
      channel.leave(client);
    }
  }
}
