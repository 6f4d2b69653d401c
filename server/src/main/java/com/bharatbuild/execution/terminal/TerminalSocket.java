package com.bharatbuild.execution.terminal;

import com.bharatbuild.execution.TerminalSessions;
import com.bharatbuild.shared.tickets.TicketHandshake;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The terminal's WebSocket, for xterm.js. The server sends the shell's output as binary frames; the
 * tab sends text frames: {@code {"type":"input","data":"ls\r"}} and {@code
 * {"type":"resize","cols":120,"rows":30}}.
 */
public final class TerminalSocket extends AbstractWebSocketHandler {

  private static final Logger log = LoggerFactory.getLogger(TerminalSocket.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SESSION = "bharatbuild.terminal";
  private static final int SEND_TIME_LIMIT_MS = 10_000;
  private static final int BUFFER_LIMIT = 4 * 1024 * 1024;
  private static final int MAX_INPUT = 64 * 1024;
  // the container's message buffers are tiny (every idle tab holds one); a terminal takes pasted
  // input in larger parts, its buffer growing to this size with its first message
  private static final int INPUT_PART = 2 * 1024;
  private static final String PARTS = "bharatbuild.terminal.parts";

  private final TerminalSessions terminals;

  public TerminalSocket(TerminalSessions terminals) {
    this.terminals = terminals;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession socket) throws Exception {
    socket.setTextMessageSizeLimit(INPUT_PART);
    WebSocketSession safe =
        new ConcurrentWebSocketSessionDecorator(socket, SEND_TIME_LIMIT_MS, BUFFER_LIMIT);
    UUID user = (UUID) socket.getAttributes().get(TicketHandshake.USER);
    UUID project = (UUID) socket.getAttributes().get(TicketHandshake.PROJECT);
    TerminalClient client = new SocketClient(safe);
    socket.getAttributes().put(SESSION + ".client", client);
    try {
      TerminalSession session = terminals.attach(user, project, client);
      socket.getAttributes().put(SESSION, session);
    } catch (RuntimeException | IOException e) {
      String reason = e.getMessage() == null ? "the terminal could not start" : e.getMessage();
      safe.sendMessage(new TextMessage("\r\n" + reason + "\r\n"));
      safe.close(CloseStatus.SERVER_ERROR.withReason(truncate(reason)));
    }
  }

  /** Long pastes arrive in parts of at most {@link #INPUT_PART} characters. */
  @Override
  public boolean supportsPartialMessages() {
    return true;
  }

  @Override
  protected void handleTextMessage(WebSocketSession socket, TextMessage message) throws Exception {
    TerminalSession session = (TerminalSession) socket.getAttributes().get(SESSION);
    if (session == null) {
      return;
    }
    StringBuilder parts =
        (StringBuilder) socket.getAttributes().computeIfAbsent(PARTS, key -> new StringBuilder());
    parts.append(message.getPayload());
    if (parts.length() > MAX_INPUT) {
      socket.close(CloseStatus.TOO_BIG_TO_PROCESS.withReason("input over 64 KiB"));
      return;
    }
    if (!message.isLast()) {
      return;
    }
    String whole = parts.toString();
    parts.setLength(0);
    JsonNode command;
    try {
      command = JSON.readTree(whole);
    } catch (JacksonException notJson) {
      socket.close(CloseStatus.BAD_DATA.withReason("expected JSON input or resize messages"));
      return;
    }
    switch (command.path("type").asString("")) {
      case "input" ->
          session.input(command.path("data").asString("").getBytes(StandardCharsets.UTF_8));
      case "resize" ->
          session.resize(
              clamp(command.path("cols").asInt(80), 1, 1_000),
              clamp(command.path("rows").asInt(24), 1, 1_000));
      default -> socket.close(CloseStatus.BAD_DATA.withReason("unknown message type"));
    }
  }

  @Override
  protected void handleBinaryMessage(WebSocketSession socket, BinaryMessage message)
      throws Exception {
    TerminalSession session = (TerminalSession) socket.getAttributes().get(SESSION);
    if (session != null) {
      ByteBuffer payload = message.getPayload();
      byte[] bytes = new byte[payload.remaining()];
      payload.get(bytes);
      session.input(bytes);
    }
  }

  @Override
  public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
    TerminalSession session = (TerminalSession) socket.getAttributes().get(SESSION);
    TerminalClient client = (TerminalClient) socket.getAttributes().get(SESSION + ".client");
    if (session != null && client != null) {
      session.detach(client);
    }
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }

  private static String truncate(String reason) {
    // a close frame's reason must fit in 123 bytes
    return reason.length() > 100 ? reason.substring(0, 100) : reason;
  }

  private record SocketClient(WebSocketSession socket) implements TerminalClient {
    @Override
    public void send(byte[] output) throws IOException {
      socket.sendMessage(new BinaryMessage(output));
    }

    @Override
    public void close(String reason) {
      try {
        socket.close(CloseStatus.NORMAL.withReason(truncate(reason)));
      } catch (IOException e) {
        log.debug("Terminal socket already closed", e);
      }
    }
  }
}
