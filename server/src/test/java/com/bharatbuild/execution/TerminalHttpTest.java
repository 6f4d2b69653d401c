package com.bharatbuild.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.HttpTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The terminal WebSocket with tickets, shared sessions and scrollback replay. */
@ExtendWith(RequiresSandbox.class)
class TerminalHttpTest extends HttpTest {

  @LocalServerPort int port;

  /** Collects what the terminal prints. */
  static final class Screen implements WebSocket.Listener {
    private final StringBuffer text = new StringBuffer();
    volatile int closeCode = -1;

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      text.append(new String(bytes, StandardCharsets.UTF_8));
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      text.append(data);
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
      closeCode = code;
      return null;
    }

    void await(String expected) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (System.nanoTime() < deadline) {
        if (text.toString().contains(expected)) {
          return;
        }
        Thread.sleep(50);
      }
      throw new AssertionError("the terminal never printed " + expected + "; it printed: " + text);
    }
  }

  private String ticket(Session session, UUID project) {
    Response response =
        api.post("/api/v1/projects/" + project + "/terminal/ticket", null, session.accessToken());
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("ticket").asString();
  }

  private WebSocket connect(UUID project, String ticket, Screen screen) {
    return HttpClient.newHttpClient()
        .newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .buildAsync(
            URI.create(
                "ws://127.0.0.1:"
                    + port
                    + "/api/v1/projects/"
                    + project
                    + "/terminal?ticket="
                    + ticket),
            screen)
        .join();
  }

  private static void type(WebSocket socket, String keys) {
    socket
        .sendText(
            "{\"type\":\"input\",\"data\":" + com.bharatbuild.support.Api.json(keys) + "}", true)
        .join();
  }

  @Test
  void aShellRunsInTheWorkspaceAndEveryTabSeesIt() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "terminal");
    Screen first = new Screen();
    WebSocket one = connect(project, ticket(session, project), first);

    type(one, "echo sum-$((40+2)); pwd\r");
    first.await("sum-42");
    first.await("/workspace");

    Screen second = new Screen();
    WebSocket two = connect(project, ticket(session, project), second);
    second.await("sum-42");
    type(two, "echo from-the-second-tab > note.txt; echo written\r");
    first.await("written");
    one.sendText("{\"type\":\"resize\",\"cols\":120,\"rows\":40}", true).join();
    type(one, "stty size\r");
    first.await("40 120");

    one.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    two.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    Response file = null;
    while (System.nanoTime() < deadline) {
      file = api.get("/api/v1/projects/" + project + "/files?path=note.txt", session.accessToken());
      if (file.status() == 200) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(file.status()).as("the shell's file came back into the project").isEqualTo(200);
    assertThat(file.json().get("content").asString()).isEqualTo("from-the-second-tab\n");
  }

  @Test
  void aTicketWorksOnceAndOnlyForItsProject() {
    Session session = api.register();
    UUID project = api.createProject(session, "tickets");
    UUID otherProject = api.createProject(session, "other");
    String ticket = ticket(session, project);
    Screen screen = new Screen();
    connect(project, ticket, screen).sendClose(WebSocket.NORMAL_CLOSURE, "").join();

    assertThatThrownBy(() -> connect(project, ticket, new Screen()))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(WebSocketHandshakeException.class);
    assertThatThrownBy(() -> connect(otherProject, ticket(session, project), new Screen()))
        .hasCauseInstanceOf(WebSocketHandshakeException.class);
    assertThatThrownBy(() -> connect(project, "made-up", new Screen()))
        .hasCauseInstanceOf(WebSocketHandshakeException.class);
  }

  @Test
  void aLongPasteArrivesWhole() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "paste");
    Screen screen = new Screen();
    WebSocket socket = connect(project, ticket(session, project), screen);
    // over the 2 KiB message buffer, under the terminal line discipline's 4 KiB
    String word = "x".repeat(3_000);

    type(socket, "echo " + word + " | wc -c\r");

    // the shell echoes the whole line it received, and wc counts the word and its newline
    screen.await(word);
    screen.await("3001");
  }

  @Test
  void deletingAProjectEndsItsShell() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "short-lived");
    Screen screen = new Screen();
    WebSocket socket = connect(project, ticket(session, project), screen);
    type(socket, "echo marker-$((2+3))\r");
    screen.await("marker-5");

    Response deleted = api.delete("/api/v1/projects/" + project, session.accessToken());

    assertThat(deleted.status()).isEqualTo(204);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (screen.closeCode == -1 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(screen.closeCode).as("the tab is told the shell ended").isNotEqualTo(-1);
  }

  @Test
  void anotherUserCannotGetATicketForTheTerminal() {
    Session owner = api.register();
    Session other = api.register();
    UUID project = api.createProject(owner, "mine");

    Response response =
        api.post("/api/v1/projects/" + project + "/terminal/ticket", null, other.accessToken());
    Response anonymous = api.post("/api/v1/projects/" + project + "/terminal/ticket", null, null);

    assertThat(response.status()).isEqualTo(404);
    assertThat(anonymous.status()).isEqualTo(401);
  }
}
