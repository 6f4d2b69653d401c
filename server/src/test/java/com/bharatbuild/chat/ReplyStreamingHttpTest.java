package com.bharatbuild.chat;

import static com.bharatbuild.ai.FakeModelServer.Anthropic.blockStart;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.messageDelta;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.messageStart;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.messageStop;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.ai.FakeModelServer;
import com.bharatbuild.ai.FakeModelServer.Pause;
import com.bharatbuild.ai.FakeModelServer.Step;
import com.bharatbuild.support.Api;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.Eventually;
import com.bharatbuild.support.HttpTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The event stream as the wire carries it: heartbeats while the model is quiet, and a client that
 * stops reading neither holds up the reply nor loses any of it.
 */
class ReplyStreamingHttpTest extends HttpTest {

  private static final FakeModelServer FAKE = FakeModelServer.started();
  private static final Pattern ID = Pattern.compile("^id: (\\d+)$");
  private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\":\"([0-9a-f-]{36})\"");

  @Autowired JdbcClient jdbc;

  private Session session;
  private UUID projectId;

  @DynamicPropertySource
  static void anthropic(DynamicPropertyRegistry registry) {
    FAKE.serveAsAnthropic(registry, "claude-fake");
    registry.add("bharatbuild.chat.heartbeat", () -> "200ms");
  }

  @AfterAll
  static void stopFake() throws IOException {
    FAKE.close();
  }

  @BeforeEach
  void project() {
    session = api.register();
    projectId = api.createProject(session, "streaming");
  }

  @Test
  void aQuietModelGetsHeartbeatsAndTheStreamGoesOnAfterThem() throws IOException {
    FAKE.enqueue(
        List.of(
            messageStart(10, 0, 0),
            blockStart(0, "text"),
            text(0, "Hello"),
            new Pause(Duration.ofMillis(1300)),
            text(0, " again"),
            messageDelta("end_turn", 2),
            messageStop()));

    try (Socket socket = open(0)) {
      List<String> lines = new ArrayList<>();
      BufferedReader in = reader(socket);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }

      int hello = indexOf(lines, "Hello");
      int again = indexOf(lines, " again");
      long heartbeats =
          lines.subList(hello, again).stream().filter(l -> l.equals(": keep-alive")).count();
      // 1.3 s of silence at one heartbeat per 200 ms
      assertThat(heartbeats).isBetween(3L, 8L);
      assertThat(lines.getFirst()).isEqualTo("HTTP/1.1 200 ");
      assertThat(lines).anyMatch(l -> l.contains("\"type\":\"complete\""));
    }
  }

  @Test
  void aClientThatStopsReadingDoesNotHoldUpTheReplyAndLaterGetsAllOfIt() throws IOException {
    // far more than the socket buffers hold: the server must stop writing and resume later
    String piece = "0123456789abcdef".repeat(512);
    int pieces = 600;
    List<Step> answer = new ArrayList<>();
    answer.add(messageStart(10, 0, 0));
    answer.add(blockStart(0, "text"));
    for (int i = 0; i < pieces; i++) {
      answer.add(text(0, piece));
    }
    answer.add(messageDelta("end_turn", 5000));
    answer.add(messageStop());
    FAKE.enqueue(answer);

    try (Socket socket = open(4096)) {
      BufferedReader in = reader(socket);
      String replyId = null;
      List<String> lines = new ArrayList<>();
      while (replyId == null) {
        String line = in.readLine();
        lines.add(line);
        Matcher matcher = MESSAGE_ID.matcher(line);
        if (line.startsWith("data: ") && matcher.find()) {
          replyId = matcher.group(1);
        }
      }
      UUID reply = UUID.fromString(replyId);

      // the client reads nothing more, yet the reply is generated, saved and charged
      Eventually.holds(() -> assertThat(status(reply)).isEqualTo("complete"));

      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
      List<Long> ids = new ArrayList<>();
      StringBuilder said = new StringBuilder();
      for (String line : lines) {
        Matcher id = ID.matcher(line);
        if (id.matches()) {
          ids.add(Long.parseLong(id.group(1)));
        } else if (line.startsWith("data: {\"type\":\"chunk\"")) {
          said.append(chunkText(line));
        }
      }
      assertThat(ids).isNotEmpty();
      for (int i = 0; i < ids.size(); i++) {
        assertThat(ids.get(i)).as("event ids without gaps").isEqualTo(i + 1L);
      }
      // compared by length and content without printing megabytes on failure
      assertThat(said.length()).isEqualTo(piece.length() * pieces);
      assertThat(said.toString().equals(piece.repeat(pieces))).isTrue();
      assertThat(lines).anyMatch(l -> l.contains("\"type\":\"complete\""));
    }
  }

  private static String chunkText(String line) {
    String prefix = "data: {\"type\":\"chunk\",\"content\":\"";
    return line.substring(prefix.length(), line.length() - "\"}".length());
  }

  private String status(UUID replyId) {
    return jdbc.sql("SELECT status FROM chat_messages WHERE id = :id")
        .param("id", replyId)
        .query(String.class)
        .single();
  }

  private static int indexOf(List<String> lines, String chunk) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("\"content\":\"" + chunk + "\"")) {
        return i;
      }
    }
    throw new AssertionError("no chunk " + chunk + " in " + lines);
  }

  private static BufferedReader reader(Socket socket) throws IOException {
    return new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), 1024);
  }

  /**
   * A raw HTTP/1.0 request, so the body is not chunked and ends when the server closes; {@code
   * receiveBuffer} above 0 makes the client's socket buffer small.
   */
  private Socket open(int receiveBuffer) throws IOException {
    URI base = URI.create(api.url("/"));
    Socket socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
    socket.setSoTimeout(30_000);
    byte[] body =
        Api.json(Map.of("projectId", projectId.toString(), "message", "Talk"))
            .getBytes(StandardCharsets.UTF_8);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST /api/v1/chat/stream HTTP/1.0\r\nHost: localhost\r\nAuthorization: Bearer "
                + session.accessToken()
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.write(body);
    out.flush();
    return socket;
  }
}
