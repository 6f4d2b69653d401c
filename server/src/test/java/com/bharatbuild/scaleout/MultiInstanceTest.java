package com.bharatbuild.scaleout;

import static com.bharatbuild.ai.FakeModelServer.Anthropic.answer;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.slowAnswer;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.BharatBuildApplication;
import com.bharatbuild.ai.FakeModelServer;
import com.bharatbuild.support.Api;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.EventStream;
import com.bharatbuild.support.EventStream.Event;
import com.bharatbuild.support.Eventually;
import com.bharatbuild.support.RequiresRedis;
import com.bharatbuild.support.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * Two server processes on different loopback ports, sharing one PostgreSQL schema, one Redis and a
 * fake Anthropic server, as two instances behind a load balancer: a reply started on one is
 * followed from the other, many replies spread over both leave an exact balance, and killing the
 * instance that runs a reply keeps what it said, marks it interrupted and ends the stream the
 * client follows on the survivor.
 */
@EnabledIfEnvironmentVariable(named = "TEST_DATABASE_URL", matches = ".+")
@EnabledIfEnvironmentVariable(named = "TEST_REDIS_URL", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceTest {

  private static final long GRANT = 1_000_000;
  private static final String SCHEMA =
      "bbmulti_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private static FakeModelServer fake;
  private static Path data;
  private static Instance a;
  private static Instance b;

  /** One server process and how to reach it. */
  private record Instance(String name, Process process, int port, Path log) {
    Api api() {
      return new Api("http://127.0.0.1:" + port);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    fake = new FakeModelServer();
    data = Files.createTempDirectory("bharatbuild-multi");
    // one migration at a time: the second instance starts on a migrated schema
    a = launch("a");
    awaitReady(a);
    b = launch("b");
    awaitReady(b);
  }

  @AfterAll
  static void stop() throws Exception {
    for (Instance instance : new Instance[] {a, b}) {
      if (instance != null) {
        instance.process().destroyForcibly().waitFor();
      }
    }
    if (fake != null) {
      fake.close();
    }
    String jdbc = TestDatabase.jdbcUrl(TestDatabase.postgresUrl());
    try (Connection connection = DriverManager.getConnection(jdbc);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
    FileSystemUtils.deleteRecursively(data);
  }

  private static Instance launch(String name) throws IOException {
    int port = freePort();
    Path log = Path.of("target", "multi-instance-" + name + ".log");
    String jdbc = TestDatabase.jdbcUrl(TestDatabase.postgresUrl());
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(BharatBuildApplication.class.getName());
    for (String setting :
        List.of(
            "server.port=" + port,
            "server.address=127.0.0.1",
            "spring.datasource.url=" + TestDatabase.withSchema(jdbc, SCHEMA),
            "spring.flyway.schemas=" + SCHEMA,
            "spring.flyway.create-schemas=true",
            "spring.datasource.hikari.maximum-pool-size=8",
            "bharatbuild.redis.url=" + RequiresRedis.url(),
            "bharatbuild.data-dir=" + data,
            "bharatbuild.auth.jwt-secret=multi-instance-test-secret-multi-instance-0123",
            "bharatbuild.ai.anthropic.api-key=test-key",
            "bharatbuild.ai.anthropic.base-url=" + fake.baseUrl(),
            "bharatbuild.ai.anthropic.model=claude-fake",
            "bharatbuild.ai.anthropic.max-output-tokens=2000",
            "bharatbuild.wallet.starting-grant=" + GRANT,
            "bharatbuild.chat.stale-after=3s",
            "bharatbuild.chat.sweep-interval=1s",
            "bharatbuild.chat.save-interval=200ms",
            "bharatbuild.execution.preview.port=0",
            "logging.structured.format.console=")) {
      command.add("--" + setting);
    }
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new Instance(name, process, port, log);
  }

  private static void awaitReady(Instance instance) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (!instance.process().isAlive()) {
        throw new AssertionError("instance " + instance.name() + " died:\n" + tail(instance.log()));
      }
      try {
        HttpResponse<Void> ready =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + instance.port() + "/actuator/health/readiness"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "instance " + instance.name() + " never became ready:\n" + tail(instance.log()));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  @Order(1)
  void aReplyStartedOnOneInstanceIsResumedOnTheOther() {
    Session session = a.api().register();
    UUID project = a.api().createProject(session, "followed");
    fake.enqueue(slowAnswer(120, Duration.ofMillis(25)));

    List<Event> before;
    try (EventStream first = send(a, session, project, "Tell me a story")) {
      before = first.readUntil(event -> event.type().equals("chunk") && event.id() > 5);
    }
    String replyId = before.getFirst().data().get("messageId").asString();
    long lastId = before.getLast().id();

    List<Event> after;
    try (EventStream resumed =
        EventStream.open(
            b.api().url("/api/v1/chat/stream?messageId=" + replyId),
            null,
            session.accessToken(),
            Map.of("Last-Event-ID", Long.toString(lastId)))) {
      after = resumed.readAll();
    }

    assertThat(after.getFirst().id()).isEqualTo(lastId + 1);
    List<Event> all = new ArrayList<>(before);
    all.addAll(after);
    assertThat(textOf(all)).isEqualTo("word ".repeat(120));
    assertThat(after.getLast().data().get("status").asString()).isEqualTo("complete");
  }

  @Test
  @Order(2)
  void thirtyRepliesForOneUserOnBothInstancesLeaveAnExactBalance() throws Exception {
    Session session = a.api().register();
    int replies = 30;
    List<UUID> projects = new ArrayList<>();
    for (int i = 0; i < replies; i++) {
      projects.add((i % 2 == 0 ? a : b).api().createProject(session, "spread " + i));
    }
    for (int i = 0; i < replies; i++) {
      fake.enqueue(answer(700, 45, "Done ", "here."));
    }

    List<Future<JsonNode>> ends = new ArrayList<>();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < replies; i++) {
        Instance instance = i % 2 == 0 ? a : b;
        UUID project = projects.get(i);
        ends.add(
            clients.submit(
                () -> {
                  try (EventStream stream = send(instance, session, project, "Build it")) {
                    return stream.readAll().getLast().data();
                  }
                }));
      }
      for (Future<JsonNode> end : ends) {
        JsonNode complete = end.get();
        assertThat(complete.get("type").asString()).isEqualTo("complete");
        assertThat(complete.get("tokensUsed").asLong()).isEqualTo(745);
      }
    }

    for (Instance instance : new Instance[] {a, b}) {
      JsonNode balance = instance.api().get("/api/v1/tokens/balance", session.accessToken()).json();
      assertThat(balance.get("balance").asLong()).isEqualTo(GRANT - replies * 745L);
      assertThat(balance.get("available").asLong()).isEqualTo(GRANT - replies * 745L);
    }
  }

  @Test
  @Order(3)
  void killingTheInstanceThatRunsAReplyKeepsItAndEndsTheStreamOnTheOther() throws Exception {
    Session session = b.api().register();
    UUID project = b.api().createProject(session, "survivor");
    fake.enqueue(slowAnswer(400, Duration.ofMillis(25)));

    List<Event> before;
    EventStream onA = send(a, session, project, "Write a long story");
    before = onA.readUntil(event -> event.type().equals("chunk") && event.id() > 20);
    String replyId = before.getFirst().data().get("messageId").asString();
    // long enough for a periodic save of what was said so far
    Thread.sleep(600);

    a.process().destroyForcibly().waitFor();
    onA.close();

    List<Event> after;
    try (EventStream onB =
        EventStream.open(
            b.api().url("/api/v1/chat/stream?messageId=" + replyId),
            null,
            session.accessToken(),
            Map.of("Last-Event-ID", Long.toString(before.getLast().id())))) {
      assertThat(onB.status()).isEqualTo(200);
      after = onB.readAll();
    }

    Event last = after.getLast();
    assertThat(last.type()).isEqualTo("error");
    assertThat(last.data().get("code").asString()).isEqualTo("interrupted");
    Eventually.holds(
        () -> {
          JsonNode saved = message(b, session, project, replyId);
          assertThat(saved.get("status").asString()).isEqualTo("interrupted");
          String content = saved.get("content").asString();
          assertThat(content).startsWith("word ");
          assertThat("word ".repeat(400)).startsWith(content);
          assertThat(content.length()).isGreaterThanOrEqualTo("word ".length() * 15);
        });
  }

  private static JsonNode message(Instance instance, Session session, UUID project, String id) {
    for (JsonNode message :
        instance.api().get("/api/v1/chat/messages/" + project, session.accessToken()).json()) {
      if (message.get("id").asString().equals(id)) {
        return message;
      }
    }
    throw new AssertionError("no message " + id);
  }

  private static EventStream send(Instance instance, Session session, UUID project, String text) {
    return EventStream.open(
        instance.api().url("/api/v1/chat/stream"),
        Map.of("projectId", project.toString(), "message", text),
        session.accessToken(),
        Map.of());
  }

  private static String textOf(List<Event> events) {
    StringBuilder text = new StringBuilder();
    for (Event event : events) {
      if (event.type().equals("chunk")) {
        text.append(event.data().get("content").asString());
      }
    }
    return text.toString();
  }
}
