package com.bharatbuild.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api;
import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.EventStream;
import com.bharatbuild.support.EventStream.Event;
import com.bharatbuild.support.HttpTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The chat flow end to end on the offline demo model, which answers with real operations. */
class ChatHttpTest extends HttpTest {

  @Autowired JdbcClient jdbc;

  private Session session;
  private UUID projectId;

  @BeforeEach
  void project() {
    session = api.register();
    projectId = api.createProject(session, "chat");
  }

  @Test
  void aReplyStreamsTextAppliesItsOperationsAndChargesWhatItUsed() {
    List<Event> events;
    try (EventStream stream = send("Create a counter app")) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.contentType()).startsWith("text/event-stream");
      events = stream.readAll();
    }

    Event first = events.getFirst();
    assertThat(first.id()).isEqualTo(1);
    assertThat(first.type()).isEqualTo("status");
    assertThat(first.data().get("status").asString()).isEqualTo("thinking");
    String replyId = first.data().get("messageId").asString();
    assertThat(first.data().get("userMessageId").asString()).isNotBlank();
    assertThat(events.stream().map(Event::id).toList())
        .as("ids count up from 1 without gaps")
        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());

    String text = textOf(events);
    assertThat(text).contains("counter").doesNotContain("<operation").doesNotContain("</content>");

    Map<String, List<String>> statusesByPath = operationStatuses(events);
    assertThat(statusesByPath.keySet())
        .containsExactlyInAnyOrder("package.json", "index.html", "src/main.tsx", "src/App.tsx");
    statusesByPath
        .values()
        .forEach(
            statuses -> assertThat(statuses).containsExactly("pending", "in-progress", "complete"));

    Event last = events.getLast();
    assertThat(last.type()).isEqualTo("complete");
    assertThat(events.stream().filter(e -> e.type().equals("complete") || e.type().equals("error")))
        .hasSize(1);
    long tokens = last.data().get("tokensUsed").asLong();
    assertThat(tokens)
        .isPositive()
        .isEqualTo(
            last.data().get("inputTokens").asLong() + last.data().get("outputTokens").asLong());
    assertThat(last.data().get("messageId").asString()).isEqualTo(replyId);

    assertThat(fileContent("src/App.tsx")).contains("useState").contains("Increment");
    Response balance = api.get("/api/v1/tokens/balance", session.accessToken());
    assertThat(balance.json().get("balance").asLong()).isEqualTo(50_000 - tokens);
    assertThat(balance.json().get("available").asLong()).isEqualTo(50_000 - tokens);

    JsonNode messages = api.get("/api/v1/chat/messages/" + projectId, session.accessToken()).json();
    assertThat(messages.size()).isEqualTo(2);
    assertThat(messages.get(0).get("role").asString()).isEqualTo("user");
    assertThat(messages.get(0).get("content").asString()).isEqualTo("Create a counter app");
    JsonNode reply = messages.get(1);
    assertThat(reply.get("id").asString()).isEqualTo(replyId);
    assertThat(reply.get("status").asString()).isEqualTo("complete");
    assertThat(reply.get("content").asString()).isEqualTo(text);
    assertThat(reply.get("tokensUsed").asLong()).isEqualTo(tokens);
    assertThat(reply.get("operations").size()).isEqualTo(4);
    assertThat(reply.get("operations").get(3).get("patch").asString())
        .contains("+export function App()");
  }

  @Test
  void aFollowUpChangesAFileThroughADiff() {
    try (EventStream stream = send("Create a counter app")) {
      stream.readAll();
    }

    List<Event> events;
    try (EventStream stream = send("Add a reset button")) {
      events = stream.readAll();
    }

    assertThat(operationStatuses(events).get("src/App.tsx")).endsWith("complete");
    assertThat(fileContent("src/App.tsx"))
        .contains("<button onClick={() => setCount(0)}>Reset</button>")
        .contains("Increment");
  }

  @Test
  void theDemoModelBuildsOnTheReactTemplateThroughDiffs() {
    Response created =
        api.post(
            "/api/v1/projects",
            Map.of("name", "from template", "templateId", "react-vite-ts"),
            session.accessToken());
    projectId = UUID.fromString(created.json().get("id").asString());
    String packageJson = fileContent("package.json");

    List<Event> counter;
    try (EventStream stream = send("Create a counter app")) {
      counter = stream.readAll();
    }
    List<Event> reset;
    try (EventStream stream = send("Add a reset button")) {
      reset = stream.readAll();
    }

    assertThat(operationStatuses(counter)).containsOnlyKeys("src/App.tsx");
    assertThat(operationStatuses(counter).get("src/App.tsx")).endsWith("complete");
    assertThat(operationStatuses(reset).get("src/App.tsx")).endsWith("complete");
    assertThat(fileContent("src/App.tsx"))
        .contains("export default function App()")
        .contains("<p>The count is {count}</p>")
        .contains("Increment")
        .contains("onClick={() => setCount(0)}")
        .doesNotContain("Hello from React");
    assertThat(fileContent("package.json")).isEqualTo(packageJson);
  }

  @Test
  void aLowBalanceIsRefusedBeforeAnyStreamAndSavesNothing() {
    jdbc.sql("UPDATE user_wallets SET balance = 50 WHERE user_id = :user")
        .param("user", session.userId())
        .update();

    try (EventStream stream = send("Create a counter app")) {
      assertThat(stream.status()).isEqualTo(402);
      assertThat(stream.contentType()).startsWith("application/problem+json");
      assertThat(stream.problem().get("code").asString()).isEqualTo("insufficient-tokens");
    }
    assertThat(api.get("/api/v1/chat/messages/" + projectId, session.accessToken()).json().size())
        .isZero();
  }

  @Test
  void anotherUsersProjectAndMessagesAreNotFound() {
    Session stranger = api.register();
    try (EventStream stream = send("Create a counter app")) {
      stream.readAll();
    }
    String replyId =
        api.get("/api/v1/chat/messages/" + projectId, session.accessToken())
            .json()
            .get(1)
            .get("id")
            .asString();

    try (EventStream stream =
        EventStream.open(
            api.url("/api/v1/chat/stream"),
            Map.of("projectId", projectId.toString(), "message", "hi"),
            stranger.accessToken(),
            Map.of())) {
      assertThat(stream.status()).isEqualTo(404);
    }
    assertThat(api.get("/api/v1/chat/messages/" + projectId, stranger.accessToken()).status())
        .isEqualTo(404);
    assertThat(api.delete("/api/v1/chat/messages/" + replyId, stranger.accessToken()).status())
        .isEqualTo(404);
    assertThat(api.post("/api/v1/chat/stop/" + replyId, null, stranger.accessToken()).status())
        .isEqualTo(404);
    assertThat(
            api.post(
                    "/api/v1/chat/messages/" + replyId + "/revert",
                    Map.of("force", true),
                    stranger.accessToken())
                .status())
        .isEqualTo(404);
    assertThat(
            api.post("/api/v1/chat/regenerate/" + replyId, null, stranger.accessToken()).status())
        .isEqualTo(404);
    try (EventStream stream =
        EventStream.open(
            api.url("/api/v1/chat/stream?messageId=" + replyId),
            null,
            stranger.accessToken(),
            Map.of())) {
      assertThat(stream.status()).isEqualTo(404);
      assertThat(stream.problem().toString()).doesNotContain("counter");
    }
    assertThat(api.get("/api/v1/chat/messages/" + projectId, session.accessToken()).json().size())
        .isEqualTo(2);
  }

  @Test
  void aFinishedReplyCanBeReadAgainAsAStream() {
    String userMessageId;
    String text;
    try (EventStream stream = send("Create a counter app")) {
      List<Event> events = stream.readAll();
      userMessageId = events.getFirst().data().get("userMessageId").asString();
      text = textOf(events);
    }

    try (EventStream again =
        EventStream.open(
            api.url("/api/v1/chat/stream?messageId=" + userMessageId),
            null,
            session.accessToken(),
            Map.of())) {
      List<Event> replayed = again.readAll();
      assertThat(textOf(replayed)).isEqualTo(text);
      assertThat(replayed.getLast().type()).isEqualTo("complete");
    }
  }

  @Test
  void sendSavesTheMessageAndTheReplyStreamsSeparately() {
    Response sent =
        api.post(
            "/api/v1/chat/send",
            Map.of("projectId", projectId.toString(), "message", "Create a counter app"),
            session.accessToken());

    assertThat(sent.status()).isEqualTo(201);
    assertThat(sent.json().get("role").asString()).isEqualTo("user");
    try (EventStream stream =
        EventStream.open(
            api.url("/api/v1/chat/stream?messageId=" + sent.json().get("id").asString()),
            null,
            session.accessToken(),
            Map.of())) {
      List<Event> events = stream.readAll();
      assertThat(events.getFirst().data().get("userMessageId").asString())
          .isEqualTo(sent.json().get("id").asString());
      assertThat(events.getLast().type()).isEqualTo("complete");
    }
  }

  @Test
  void regenerateReplacesTheReply() {
    String oldReply;
    try (EventStream stream = send("Create a counter app")) {
      oldReply = stream.readAll().getFirst().data().get("messageId").asString();
    }

    List<Event> events;
    try (EventStream stream =
        EventStream.open(
            api.url("/api/v1/chat/regenerate/" + oldReply),
            Map.of(),
            session.accessToken(),
            Map.of())) {
      events = stream.readAll();
    }

    assertThat(events.getLast().type()).isEqualTo("complete");
    JsonNode messages = api.get("/api/v1/chat/messages/" + projectId, session.accessToken()).json();
    assertThat(messages.size()).isEqualTo(2);
    assertThat(messages.get(1).get("id").asString())
        .isEqualTo(events.getFirst().data().get("messageId").asString())
        .isNotEqualTo(oldReply);
  }

  @Test
  void deletingAMessageRemovesItAndItsReply() {
    String userMessageId;
    try (EventStream stream = send("Create a counter app")) {
      userMessageId = stream.readAll().getFirst().data().get("userMessageId").asString();
    }

    assertThat(api.delete("/api/v1/chat/messages/" + userMessageId, session.accessToken()).status())
        .isEqualTo(204);
    assertThat(api.get("/api/v1/chat/messages/" + projectId, session.accessToken()).json().size())
        .isZero();
  }

  @Test
  void badRequestsAreRefusedWithTheirReason() {
    Response blank =
        api.post(
            "/api/v1/chat/send",
            Map.of("projectId", projectId.toString(), "message", " "),
            session.accessToken());
    Response missingFile =
        api.post(
            "/api/v1/chat/send",
            Map.of(
                "projectId",
                projectId.toString(),
                "message",
                "explain",
                "attachedFiles",
                List.of("src/nope.ts")),
            session.accessToken());
    Response unknownModel =
        api.post(
            "/api/v1/chat/send",
            Map.of("projectId", projectId.toString(), "message", "hi", "model", "gpt-17"),
            session.accessToken());
    Response badMode =
        api.post(
            "/api/v1/chat/send",
            Map.of("projectId", projectId.toString(), "message", "hi", "mode", "yolo"),
            session.accessToken());

    assertThat(blank.status()).isEqualTo(400);
    assertThat(missingFile.status()).isEqualTo(400);
    assertThat(missingFile.json().get("code").asString()).isEqualTo("attached-file-missing");
    assertThat(unknownModel.status()).isEqualTo(400);
    assertThat(unknownModel.json().get("code").asString()).isEqualTo("unknown-model");
    assertThat(badMode.status()).isEqualTo(400);
    assertThat(api.get("/api/v1/chat/messages/" + projectId, session.accessToken()).json().size())
        .isZero();
  }

  @Test
  void concurrentRepliesOnOneWalletChargeExactlyWhatTheyUsed() throws Exception {
    List<UUID> projects = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      projects.add(api.createProject(session, "p" + i));
    }
    List<java.util.concurrent.Future<Long>> replies = new java.util.ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (UUID project : projects) {
        replies.add(
            pool.submit(
                () -> {
                  try (EventStream stream =
                      EventStream.open(
                          api.url("/api/v1/chat/stream"),
                          Map.of(
                              "projectId", project.toString(), "message", "Create a counter app"),
                          session.accessToken(),
                          Map.of())) {
                    if (stream.status() == 402) {
                      return -1L;
                    }
                    Event last = stream.readAll().getLast();
                    assertThat(last.type()).isEqualTo("complete");
                    return last.data().get("tokensUsed").asLong();
                  }
                }));
      }
    }
    long charged = 0;
    int refused = 0;
    for (var reply : replies) {
      long tokens = reply.get();
      if (tokens < 0) {
        refused++;
      } else {
        charged += tokens;
      }
    }

    JsonNode balance = api.get("/api/v1/tokens/balance", session.accessToken()).json();
    assertThat(charged).isPositive();
    assertThat(balance.get("balance").asLong()).isEqualTo(50_000 - charged);
    assertThat(balance.get("totalUsed").asLong()).isEqualTo(charged);
    assertThat(balance.get("available").asLong()).isEqualTo(balance.get("balance").asLong());
    assertThat(refused).as("reservations that did not fit were refused up front").isLessThan(20);
  }

  @Test
  void revertUndoesAReplysOperationsAndReportsConflicts() {
    String createReply = replyTo("Create a counter app");
    String original = fileContent("src/App.tsx");
    String resetReply = replyTo("Add a reset button");
    assertThat(fileContent("src/App.tsx")).contains("Reset");

    Response undoReset = revert(resetReply, false);
    assertThat(undoReset.status()).isEqualTo(200);
    assertThat(undoReset.json().get("reverted").toString()).isEqualTo("[\"src/App.tsx\"]");
    assertThat(fileContent("src/App.tsx")).isEqualTo(original);
    assertThat(revert(resetReply, false).json().get("conflicts").size())
        .as("reverting twice changes nothing")
        .isZero();

    api.put(
        "/api/v1/projects/" + projectId + "/files",
        Map.of("path", "src/App.tsx", "content", "// my own edit\n"),
        session.accessToken());
    Response conflicted = revert(createReply, false);
    assertThat(conflicted.json().get("conflicts").toString()).isEqualTo("[\"src/App.tsx\"]");
    assertThat(fileContent("src/App.tsx")).isEqualTo("// my own edit\n");
    assertThat(
            api.get(
                    "/api/v1/projects/" + projectId + "/files?path=package.json",
                    session.accessToken())
                .status())
        .as("the files nobody touched since were reverted")
        .isEqualTo(404);

    Response forced = revert(createReply, true);
    assertThat(forced.json().get("conflicts").size()).isZero();
    assertThat(
            api.get("/api/v1/projects/" + projectId + "/files", session.accessToken())
                .json()
                .size())
        .isZero();
  }

  @Test
  void onlyAnAiReplyCanBeReverted() {
    String userMessage;
    try (EventStream stream = send("Create a counter app")) {
      userMessage = stream.readAll().getFirst().data().get("userMessageId").asString();
    }

    assertThat(revert(userMessage, false).status()).isEqualTo(400);
  }

  private String replyTo(String message) {
    try (EventStream stream = send(message)) {
      return stream.readAll().getFirst().data().get("messageId").asString();
    }
  }

  private Response revert(String replyId, boolean force) {
    return api.post(
        "/api/v1/chat/messages/" + replyId + "/revert",
        Map.of("force", force),
        session.accessToken());
  }

  private EventStream send(String message) {
    Map<String, Object> body = new HashMap<>();
    body.put("projectId", projectId.toString());
    body.put("message", message);
    return EventStream.open(api.url("/api/v1/chat/stream"), body, session.accessToken(), Map.of());
  }

  private String fileContent(String path) {
    return api.get(
            "/api/v1/projects/" + projectId + "/files?path=" + Api.encode(path),
            session.accessToken())
        .json()
        .get("content")
        .asString();
  }

  static String textOf(List<Event> events) {
    return events.stream()
        .filter(e -> e.type().equals("chunk"))
        .map(e -> e.data().get("content").asString())
        .collect(Collectors.joining());
  }

  static Map<String, List<String>> operationStatuses(List<Event> events) {
    return events.stream()
        .filter(e -> e.type().equals("operation"))
        .collect(
            Collectors.groupingBy(
                e -> e.data().get("operation").get("path").asString(),
                java.util.LinkedHashMap::new,
                Collectors.mapping(
                    e -> e.data().get("operation").get("status").asString(), Collectors.toList())));
  }
}
