package com.bharatbuild.chat;

import static com.bharatbuild.ai.FakeModelServer.Anthropic.answer;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.blockStart;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.error;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.messageDelta;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.messageStart;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.messageStop;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.overloaded;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.slowAnswer;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.text;
import static com.bharatbuild.chat.ChatHttpTest.operationStatuses;
import static com.bharatbuild.chat.ChatHttpTest.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.ai.FakeModelServer;
import com.bharatbuild.ai.FakeModelServer.Pause;
import com.bharatbuild.ai.FakeModelServer.Step;
import com.bharatbuild.support.Api;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.EventStream;
import com.bharatbuild.support.EventStream.Event;
import com.bharatbuild.support.HttpTest;
import com.bharatbuild.wallet.TokenWallet;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Chat against a fake Anthropic server through the real SDK: usage, stop, disconnects, errors. */
class ChatProviderHttpTest extends HttpTest {

  private static final FakeModelServer FAKE = FakeModelServer.started();

  @Autowired JdbcClient jdbc;
  @Autowired TokenWallet wallet;
  @Autowired InterruptedReplies interrupted;
  @Autowired ReplyRegistry registry;
  @Autowired TransactionTemplate transactions;

  private Session session;
  private UUID projectId;

  @DynamicPropertySource
  static void anthropic(DynamicPropertyRegistry registry) {
    FAKE.serveAsAnthropic(registry, "claude-fake");
    registry.add("bharatbuild.ai.first-retry-delay", () -> "20ms");
    registry.add("bharatbuild.chat.disconnect-grace", () -> "1s");
  }

  @AfterAll
  static void stopFake() throws IOException {
    FAKE.close();
  }

  @BeforeEach
  void project() {
    session = api.register();
    projectId = api.createProject(session, "provider");
  }

  @Test
  void theWalletIsChargedExactlyWhatTheProviderReported() {
    List<Step> reply = new ArrayList<>();
    reply.add(messageStart(700, 300, 1200));
    reply.add(blockStart(0, "text"));
    reply.add(text(0, "Hello"));
    reply.add(messageDelta("end_turn", 45));
    reply.add(messageStop());
    FAKE.enqueue(reply);

    List<Event> events = readAll(send("Say hello"));

    JsonNode complete = events.getLast().data();
    assertThat(complete.get("type").asString()).isEqualTo("complete");
    assertThat(complete.get("tokensUsed").asLong()).isEqualTo(700 + 300 + 1200 + 45);
    assertThat(complete.get("inputTokens").asLong()).isEqualTo(2200);
    assertThat(complete.get("outputTokens").asLong()).isEqualTo(45);
    assertThat(balance()).isEqualTo(50_000 - 2245);
  }

  @Test
  void aWalletRowLockedWhileTheReplyEndsDelaysItsChargeButDoesNotLoseIt() throws Exception {
    FAKE.enqueue(
        List.of(
            messageStart(500, 0, 0),
            blockStart(0, "text"),
            text(0, "Hello"),
            new Pause(Duration.ofMillis(700)),
            text(0, " there"),
            messageDelta("end_turn", 30),
            messageStop()));
    long before = balance();
    CountDownLatch locked = new CountDownLatch(1);
    Thread holder;
    List<Event> events;
    try (EventStream stream = send("Say hello")) {
      stream.readUntil(event -> event.type().equals("chunk"));
      // someone else holds the wallet's row past the reply's end, longer than a lock wait lasts
      holder =
          Thread.ofVirtual()
              .start(
                  () ->
                      transactions.executeWithoutResult(
                          tx -> {
                            jdbc.sql(
                                    "SELECT balance FROM user_wallets WHERE user_id = :user FOR"
                                        + " UPDATE")
                                .param("user", session.userId())
                                .query(Long.class)
                                .single();
                            locked.countDown();
                            sleep(Duration.ofMillis(4000));
                          }));
      locked.await();
      events = stream.readAll();
    }
    holder.join();

    assertThat(events.getLast().type()).isEqualTo("complete");
    assertThat(balance()).isEqualTo(before - 530);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM token_reservations WHERE user_id = :user")
                .param("user", session.userId())
                .query(Long.class)
                .single())
        .isZero();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void theProjectsRulesFileReachesTheModel() {
    putFile(".bharatbuild/rules.md", "# Rules\n- Always use Tailwind for styling.\n");
    List<Step> reply = new ArrayList<>();
    reply.add(messageStart(10, 0, 0));
    reply.add(blockStart(0, "text"));
    reply.add(text(0, "Noted"));
    reply.add(messageDelta("end_turn", 2));
    reply.add(messageStop());
    FAKE.enqueue(reply);

    readAll(send("Style the header"));

    assertThat(FAKE.requests().getLast())
        .contains("Project rules (from .bharatbuild/rules.md)")
        .contains("Always use Tailwind for styling.");
  }

  @Test
  void usageBeyondTheBalanceIsChargedInFullAndTheNextMessageIsRefused() {
    jdbc.sql("UPDATE user_wallets SET balance = 6000 WHERE user_id = :user")
        .param("user", session.userId())
        .update();
    FAKE.enqueue(answer(5_000, 4_000, "A long answer"));

    List<Event> events = readAll(send("Write a lot"));

    assertThat(events.getLast().data().get("tokensUsed").asLong()).isEqualTo(9_000);
    assertThat(balance()).isEqualTo(6_000 - 9_000);
    assertThat(fakeRequestMaxTokens())
        .as("the output budget shrank to what the balance covers")
        .isLessThan(6_000);
    try (EventStream refused = send("Another")) {
      assertThat(refused.status()).isEqualTo(402);
    }
  }

  @Test
  void repliesLeftStreamingByACrashAreMarkedInterruptedAtStartUp() {
    UUID reply = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO chat_messages (id, user_id, project_id, role, content, status, created_at)
            VALUES (:id, :user, :project, 'assistant', 'half of it', 'streaming', CURRENT_TIMESTAMP)
            """)
        .param("id", reply)
        .param("user", session.userId())
        .param("project", projectId)
        .update();
    wallet.reserve(session.userId(), reply, 1_000, 1_000);

    interrupted.markInterrupted();

    JsonNode saved = reply(reply.toString());
    assertThat(saved.get("status").asString()).isEqualTo("interrupted");
    assertThat(saved.get("content").asString()).isEqualTo("half of it");
    assertThat(
            api.get("/api/v1/tokens/balance", session.accessToken())
                .json()
                .get("available")
                .asLong())
        .isEqualTo(50_000);
  }

  private long fakeRequestMaxTokens() {
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile("\"max_tokens\":(\\d+)").matcher(FAKE.requests().getLast());
    assertThat(matcher.find()).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  @Test
  void operationsSplitIntoOneCharacterChunksStillApply() {
    String answer =
        "Creating it.\n<operation type=\"create\" path=\"src/hello.ts\">\n"
            + "<description>Greeting</description>\n<content>\nexport const hi = 'hi';\n"
            + "</content>\n</operation>\nDone.";
    String[] pieces = answer.split("");
    FAKE.enqueue(answer(100, 40, pieces));

    List<Event> events = readAll(send("Create a greeting"));

    assertThat(textOf(events)).isEqualTo("Creating it.\n\nDone.");
    assertThat(operationStatuses(events).get("src/hello.ts"))
        .containsExactly("pending", "in-progress", "complete");
    assertThat(
            api.get(
                    "/api/v1/projects/" + projectId + "/files?path=" + Api.encode("src/hello.ts"),
                    session.accessToken())
                .json()
                .get("content")
                .asString())
        .isEqualTo("export const hi = 'hi';\n");
  }

  @Test
  void aReplyWhoseServerStillBeatsIsLeftStreamingAndOneThatStoppedIsSwept() {
    UUID reply = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO chat_messages
              (id, user_id, project_id, role, content, status, created_at, heartbeat_at)
            VALUES (:id, :user, :project, 'assistant', 'so far', 'streaming', CURRENT_TIMESTAMP,
              CURRENT_TIMESTAMP)
            """)
        .param("id", reply)
        .param("user", session.userId())
        .param("project", projectId)
        .update();

    interrupted.markInterrupted();
    assertThat(reply(reply.toString()).get("status").asString())
        .as("another instance is still generating it")
        .isEqualTo("streaming");

    jdbc.sql("UPDATE chat_messages SET heartbeat_at = :old WHERE id = :id")
        .param("old", java.time.OffsetDateTime.now().minusMinutes(5))
        .param("id", reply)
        .update();
    interrupted.markInterrupted();
    assertThat(reply(reply.toString()).get("status").asString()).isEqualTo("interrupted");
  }

  @Test
  @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
  void aStoppingServerRefusesNewRepliesAndSavesUnfinishedOnesAsInterrupted() throws Exception {
    FAKE.enqueue(slowAnswer(400, Duration.ofMillis(20)));
    EventStream stream = send("Write a long story");
    List<Event> seen = stream.readUntil(event -> event.type().equals("chunk"));
    String replyId = seen.getFirst().data().get("messageId").asString();

    int cut = registry.drain(Duration.ofMillis(300));
    List<Event> rest = stream.readAll();
    stream.close();

    assertThat(cut).isEqualTo(1);
    assertThat(rest.getLast().type()).isEqualTo("complete");
    assertThat(rest.getLast().data().get("status").asString()).isEqualTo("interrupted");
    JsonNode saved = reply(replyId);
    assertThat(saved.get("status").asString()).isEqualTo("interrupted");
    assertThat(saved.get("content").asString()).startsWith("word ");
    try (EventStream refused = send("Another")) {
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.problem().get("code").asString()).isEqualTo("shutting-down");
    }
  }

  @Test
  void aStreamingReplysTextIsSavedEveryFewSecondsWhileItStreams() throws Exception {
    FAKE.enqueue(slowAnswer(400, Duration.ofMillis(20)));
    try (EventStream stream = send("Write a long story")) {
      String replyId = stream.replyIdOnceGenerating();

      // the save interval is 2 s; the answer takes 8 s
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      JsonNode saved = reply(replyId);
      while (saved.get("content").asString().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
        saved = reply(replyId);
      }

      assertThat(saved.get("status").asString()).isEqualTo("streaming");
      assertThat(saved.get("content").asString()).startsWith("word ");
      api.post("/api/v1/chat/stop/" + replyId, null, session.accessToken());
      stream.readAll();
    }
  }

  @Test
  void stopCancelsTheProviderCallAndKeepsWhatArrived() throws Exception {
    FAKE.enqueue(slowAnswer(400, Duration.ofMillis(20)));
    EventStream stream = send("Write a long story");
    List<Event> seen = stream.readUntil(event -> event.type().equals("chunk"));
    String replyId = seen.getFirst().data().get("messageId").asString();

    long stoppedAt = System.nanoTime();
    assertThat(api.post("/api/v1/chat/stop/" + replyId, null, session.accessToken()).status())
        .isEqualTo(202);
    List<Event> rest = stream.readAll();
    Duration toEnd = Duration.ofNanos(System.nanoTime() - stoppedAt);
    stream.close();

    assertThat(toEnd).isLessThan(Duration.ofSeconds(1));
    assertThat(rest.getLast().type()).isEqualTo("complete");
    assertThat(rest.getLast().data().get("status").asString()).isEqualTo("cancelled");
    assertThat(FAKE.awaitClientGone(Duration.ofSeconds(5))).isTrue();
    JsonNode saved = reply(replyId);
    assertThat(saved.get("status").asString()).isEqualTo("cancelled");
    List<Event> all = new ArrayList<>(seen);
    all.addAll(rest);
    assertThat(saved.get("content").asString()).startsWith("word ").isEqualTo(textOf(all));
    assertThat(saved.get("tokensUsed").asLong()).isEqualTo(25 + 1);
    assertThat(balance()).isEqualTo(50_000 - 26);
  }

  @Test
  void aReconnectWithLastEventIdContinuesTheReply() throws Exception {
    FAKE.enqueue(slowAnswer(60, Duration.ofMillis(20)));
    EventStream first = send("Tell me something");
    List<Event> before = first.readUntil(event -> event.type().equals("chunk") && event.id() > 6);
    first.close();
    String replyId = before.getFirst().data().get("messageId").asString();
    long lastId = before.getLast().id();

    List<Event> after;
    try (EventStream again =
        EventStream.open(
            api.url("/api/v1/chat/stream?messageId=" + replyId),
            null,
            session.accessToken(),
            Map.of("Last-Event-ID", Long.toString(lastId)))) {
      after = again.readAll();
    }

    assertThat(after.getFirst().id()).isEqualTo(lastId + 1);
    List<Event> all = new ArrayList<>(before);
    all.addAll(after);
    assertThat(textOf(all)).isEqualTo("word ".repeat(60));
    assertThat(after.getLast().type()).isEqualTo("complete");
  }

  @Test
  void aReplyNobodyListensToIsCancelledAfterTheGracePeriod() throws Exception {
    FAKE.enqueue(slowAnswer(400, Duration.ofMillis(20)));
    EventStream stream = send("Something long");
    String replyId = stream.replyIdOnceGenerating();
    stream.close();

    long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
    while (reply(replyId).get("status").asString().equals("streaming")
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(reply(replyId).get("status").asString()).isEqualTo("cancelled");
    assertThat(FAKE.awaitClientGone(Duration.ofSeconds(2))).isTrue();
  }

  @Test
  void overloadBeforeTheFirstTokenIsRetriedInvisibly() {
    FAKE.enqueue(List.of(overloaded()));
    FAKE.enqueue(answer(10, 2, "fine"));

    List<Event> events = readAll(send("Hi"));

    assertThat(textOf(events)).isEqualTo("fine");
    assertThat(events.getLast().type()).isEqualTo("complete");
  }

  @Test
  void anErrorMidAnswerEndsWithOneErrorEventAndKeepsThePartialReply() {
    FAKE.enqueue(
        List.of(
            messageStart(80, 0, 0),
            blockStart(0, "text"),
            text(0, "Partial "),
            text(0, "answer"),
            error("overloaded_error", "Overloaded")));

    List<Event> events = readAll(send("Hi"));

    Event last = events.getLast();
    assertThat(last.type()).isEqualTo("error");
    assertThat(events.stream().filter(e -> e.type().equals("complete"))).isEmpty();
    JsonNode saved = reply(last.data().get("messageId").asString());
    assertThat(saved.get("status").asString()).isEqualTo("error");
    assertThat(saved.get("content").asString()).isEqualTo("Partial answer");
    // message_start already reports one output token
    assertThat(balance()).isEqualTo(50_000 - 81);
  }

  @Test
  void aRefusedOperationIsSentBackOnceAndTheCorrectionApplies() {
    api.post(
        "/api/v1/projects/" + projectId + "/files",
        Map.of("path", "src/app.ts", "content", "const a = 1;\nconst b = 2;\n"),
        session.accessToken());
    String wrong =
        "<operation type=\"modify\" path=\"src/app.ts\">\n<diff>\n@@ -1,2 +1,2 @@\n"
            + " const x = 1;\n-const y = 2;\n+const y = 3;\n</diff>\n</operation>";
    String fixed =
        "<operation type=\"modify\" path=\"src/app.ts\">\n<diff>\n@@ -1,2 +1,2 @@\n"
            + " const a = 1;\n-const b = 2;\n+const b = 3;\n</diff>\n</operation>";
    FAKE.enqueue(answer(100, 20, wrong));
    FAKE.enqueue(answer(150, 30, fixed));
    int before = FAKE.requests().size();

    List<Event> events = readAll(send("Change b to 3"));

    List<String> statuses = operationStatuses(events).get("src/app.ts");
    assertThat(statuses)
        .containsExactly("pending", "in-progress", "error", "pending", "in-progress", "complete");
    assertThat(
            api.get(
                    "/api/v1/projects/" + projectId + "/files?path=src/app.ts",
                    session.accessToken())
                .json()
                .get("content")
                .asString())
        .isEqualTo("const a = 1;\nconst b = 3;\n");
    assertThat(FAKE.requests().subList(before, FAKE.requests().size())).hasSize(2);
    assertThat(FAKE.requests().getLast()).contains("could not be applied").contains("const a = 1;");
    assertThat(events.getLast().data().get("tokensUsed").asLong()).isEqualTo(100 + 20 + 150 + 30);
    assertThat(balance()).isEqualTo(50_000 - 300);
  }

  @Test
  void everyKindOfOperationAppliesOrFailsWithoutTouchingTheFile() {
    putFile("src/a.ts", "export const a = 1;\n");
    putFile("old.txt", "obsolete\n");
    putFile("exists.txt", "before\n");
    putFile("crlf.txt", "one\r\ntwo\r\nthree\r\n");
    putFile("keep.txt", "alpha\nbeta\n");
    String answer =
        op("rename", "src/a.ts", " to=\"src/b.ts\"", "")
            + op("delete", "old.txt", "", "")
            + op("create", "exists.txt", "", "<content>\nafter\n</content>")
            + op("modify", "../etc/passwd", "", "<content>\nx\n</content>")
            + op(
                "modify",
                "crlf.txt",
                "",
                "<diff>\n@@ -7,3 +7,3 @@\n one\n-two\n+TWO\n three\n</diff>")
            + op(
                "modify", "keep.txt", "", "<diff>\n@@ -1,2 +1,2 @@\n gamma\n-beta\n+BETA\n</diff>");
    FAKE.enqueue(answer(100, 50, answer));
    FAKE.enqueue(answer(50, 5, "I cannot fix those."));

    List<Event> events = readAll(send("Tidy up"));

    Map<String, List<String>> statuses = operationStatuses(events);
    assertThat(statuses.get("src/a.ts")).endsWith("complete");
    assertThat(statuses.get("old.txt")).endsWith("complete");
    assertThat(statuses.get("exists.txt")).endsWith("complete");
    assertThat(statuses.get("../etc/passwd")).endsWith("error");
    assertThat(statuses.get("crlf.txt")).endsWith("complete");
    assertThat(statuses.get("keep.txt")).endsWith("error");
    assertThat(fileStatus("src/a.ts")).isEqualTo(404);
    assertThat(file("src/b.ts")).isEqualTo("export const a = 1;\n");
    assertThat(fileStatus("old.txt")).isEqualTo(404);
    assertThat(file("exists.txt")).isEqualTo("after\n");
    assertThat(file("crlf.txt")).isEqualTo("one\r\nTWO\r\nthree\r\n");
    assertThat(file("keep.txt")).isEqualTo("alpha\nbeta\n");
    String keepError =
        events.stream()
            .filter(e -> e.type().equals("operation"))
            .map(e -> e.data().get("operation"))
            .filter(
                o ->
                    o.get("path").asString().equals("keep.txt")
                        && o.get("status").asString().equals("error"))
            .findFirst()
            .orElseThrow()
            .get("error")
            .asString();
    assertThat(keepError).contains("gamma");
  }

  private static String op(String type, String path, String extra, String body) {
    return "<operation type=\""
        + type
        + "\" path=\""
        + path
        + "\""
        + extra
        + ">\n<description>"
        + type
        + "</description>\n"
        + body
        + "\n</operation>\n";
  }

  private void putFile(String path, String content) {
    api.put(
        "/api/v1/projects/" + projectId + "/files",
        Map.of("path", path, "content", content),
        session.accessToken());
  }

  private String file(String path) {
    return api.get(
            "/api/v1/projects/" + projectId + "/files?path=" + Api.encode(path),
            session.accessToken())
        .json()
        .get("content")
        .asString();
  }

  private int fileStatus(String path) {
    return api.get(
            "/api/v1/projects/" + projectId + "/files?path=" + Api.encode(path),
            session.accessToken())
        .status();
  }

  private EventStream send(String message) {
    return EventStream.open(
        api.url("/api/v1/chat/stream"),
        Map.of("projectId", projectId.toString(), "message", message),
        session.accessToken(),
        Map.of());
  }

  private static List<Event> readAll(EventStream stream) {
    try (stream) {
      return stream.readAll();
    }
  }

  private long balance() {
    return api.get("/api/v1/tokens/balance", session.accessToken()).json().get("balance").asLong();
  }

  private JsonNode reply(String id) {
    for (JsonNode message :
        api.get("/api/v1/chat/messages/" + projectId, session.accessToken()).json()) {
      if (message.get("id").asString().equals(id)) {
        return message;
      }
    }
    throw new AssertionError("no message " + id);
  }
}
