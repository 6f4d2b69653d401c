package com.bharatbuild.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.EventStream;
import com.bharatbuild.support.EventStream.Event;
import com.bharatbuild.support.HttpTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project channel: two tabs see the same project live, and a tab that reconnects catches up.
 */
class LiveHttpTest extends HttpTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  /** A connected tab: every message it received, in order. */
  static final class Tab implements WebSocket.Listener {
    final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(JSON.readTree(partial.toString()));
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    JsonNode next(Predicate<JsonNode> wanted) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (System.nanoTime() < deadline) {
        JsonNode message = received.poll(100, TimeUnit.MILLISECONDS);
        if (message != null && wanted.test(message)) {
          return message;
        }
      }
      throw new AssertionError("no such message arrived");
    }

    List<JsonNode> until(Predicate<JsonNode> last) throws InterruptedException {
      List<JsonNode> messages = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        JsonNode message = received.poll(100, TimeUnit.MILLISECONDS);
        if (message != null) {
          messages.add(message);
          if (last.test(message)) {
            return messages;
          }
        }
      }
      throw new AssertionError("the last message never came; got " + messages);
    }

    void send(String json) {
      socket.sendText(json, true).join();
    }
  }

  private static Predicate<JsonNode> type(String type) {
    return message -> message.path("type").asString("").equals(type);
  }

  private String ticket(Session session, UUID project) {
    Response response =
        api.post("/api/v1/projects/" + project + "/events/ticket", null, session.accessToken());
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("ticket").asString();
  }

  private Tab open(UUID project, String ticket, String resume) throws InterruptedException {
    Tab tab = new Tab();
    tab.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                URI.create(
                    "ws://127.0.0.1:"
                        + port
                        + "/api/v1/projects/"
                        + project
                        + "/events?ticket="
                        + ticket),
                tab)
            .join();
    JsonNode hello = tab.next(type("hello"));
    tab.send(
        resume == null
            ? "{\"type\":\"resume\",\"after\":-1}"
            : resume.replace("EPOCH", hello.get("epoch").asString()));
    return tab;
  }

  private void writeFile(Session session, UUID project, String path, String content) {
    Response response =
        api.put(
            "/api/v1/projects/" + project + "/files",
            Map.of("path", path, "content", content),
            session.accessToken());
    assertThat(response.status()).as(response.body()).isIn(200, 201);
  }

  @Test
  void aFileEditReachesEveryTabWithItsVersion() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "live");
    Tab first = open(project, ticket(session, project), null);
    Tab second = open(project, ticket(session, project), null);

    writeFile(session, project, "src/a.ts", "one");
    writeFile(session, project, "src/a.ts", "two");

    for (Tab tab : List.of(first, second)) {
      JsonNode created = tab.next(type("file.changed"));
      JsonNode changed = tab.next(type("file.changed"));
      assertThat(created.get("path").asString()).isEqualTo("src/a.ts");
      assertThat(created.get("version").asInt()).isEqualTo(1);
      assertThat(changed.get("version").asInt()).isEqualTo(2);
      assertThat(changed.get("by").asString()).isEqualTo("user");
      assertThat(changed.get("seq").asLong()).isEqualTo(created.get("seq").asLong() + 1);
    }
  }

  @Test
  void aReplyStreamedForOneTabIsSeenEventForEventByAnother() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "chat");
    Tab watcher = open(project, ticket(session, project), null);

    List<Event> streamed;
    try (EventStream stream =
        EventStream.open(
            api.url("/api/v1/chat/stream"),
            Map.of("projectId", project.toString(), "message", "Create a counter app"),
            session.accessToken(),
            Map.of())) {
      streamed = stream.readAll();
    }
    List<JsonNode> seen =
        watcher.until(
            message ->
                message.path("type").asString("").equals("message.updated")
                    && message.path("message").path("role").asString("").equals("assistant"));

    List<JsonNode> relayed =
        seen.stream().filter(type("message.event")).map(message -> message.get("event")).toList();
    assertThat(relayed).isEqualTo(streamed.stream().map(Event::data).toList());
    assertThat(seen.stream().filter(type("message.created"))).hasSize(2);
    assertThat(seen.stream().filter(type("file.changed")).map(m -> m.get("by").asString()))
        .isNotEmpty()
        .allMatch("ai"::equals);
    assertThat(seen.getLast().get("message").get("status").asString()).isEqualTo("complete");
  }

  @Test
  void aTabThatReconnectsGetsExactlyWhatItMissedInOrder() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "catch-up");
    Tab tab = open(project, ticket(session, project), null);
    writeFile(session, project, "a.txt", "1");
    JsonNode lastSeen = tab.next(type("file.changed"));
    tab.socket.sendClose(WebSocket.NORMAL_CLOSURE, "going offline").join();

    for (int i = 2; i <= 6; i++) {
      writeFile(session, project, "a.txt", Integer.toString(i));
    }
    Tab back =
        open(
            project,
            ticket(session, project),
            "{\"type\":\"resume\",\"after\":"
                + lastSeen.get("seq").asLong()
                + ",\"epoch\":\"EPOCH\"}");
    writeFile(session, project, "a.txt", "7");

    List<JsonNode> caughtUp = back.until(message -> message.path("version").asInt() == 7);
    assertThat(caughtUp.stream().map(m -> m.get("version").asInt()).toList())
        .containsExactly(2, 3, 4, 5, 6, 7);
    List<Long> seqs = caughtUp.stream().map(m -> m.get("seq").asLong()).toList();
    assertThat(seqs).isSorted().doesNotHaveDuplicates();
    assertThat(seqs.getFirst()).isEqualTo(lastSeen.get("seq").asLong() + 1);
  }

  @Test
  void aTabFromAnotherServerLifeOrTooFarBehindIsToldToResync() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "resync");

    Tab stale =
        open(
            project,
            ticket(session, project),
            "{\"type\":\"resume\",\"after\":40,\"epoch\":\"old\"}");

    assertThat(stale.next(type("resync"))).isNotNull();
  }

  @Test
  void ticketsAreForTheOwnerOnceAndForOneProject() throws Exception {
    Session owner = api.register();
    Session other = api.register();
    UUID project = api.createProject(owner, "mine");
    UUID another = api.createProject(owner, "another");
    String ticket = ticket(owner, project);
    open(project, ticket, null).socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();

    assertThat(
            api.post("/api/v1/projects/" + project + "/events/ticket", null, other.accessToken())
                .status())
        .isEqualTo(404);
    assertThatThrownBy(() -> open(project, ticket, null))
        .hasCauseInstanceOf(WebSocketHandshakeException.class);
    assertThatThrownBy(() -> open(another, ticket(owner, project), null))
        .hasCauseInstanceOf(WebSocketHandshakeException.class);
  }
}
