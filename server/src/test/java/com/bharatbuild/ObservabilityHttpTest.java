package com.bharatbuild;

import static com.bharatbuild.ai.FakeModelServer.Anthropic.answer;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.blockStart;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.messageDelta;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.messageStart;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.messageStop;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.overloaded;
import static com.bharatbuild.ai.FakeModelServer.Anthropic.text;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.bharatbuild.ai.FakeModelServer;
import com.bharatbuild.ai.FakeModelServer.Pause;
import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.EventStream;
import com.bharatbuild.support.EventStream.Event;
import com.bharatbuild.support.HttpTest;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The meters at /actuator/prometheus move as replies, provider failures and edits happen, with the
 * tags an operator filters by; trace ids go from a request's traceparent into its problems, its
 * response and the log lines of the work it started.
 */
class ObservabilityHttpTest extends HttpTest {

  @Autowired JdbcClient jdbc;

  private static final FakeModelServer FAKE = FakeModelServer.started();
  private static final String MODEL = "claude-fake";
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01";
  private static final Pattern TRACEPARENT_FORMAT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

  private final CapturedLogs logs = new CapturedLogs();
  private Session session;
  private UUID projectId;

  @DynamicPropertySource
  static void anthropic(DynamicPropertyRegistry registry) {
    FAKE.serveAsAnthropic(registry, MODEL);
    registry.add("bharatbuild.ai.first-retry-delay", () -> "20ms");
    registry.add("bharatbuild.metrics.public", () -> "true");
  }

  @AfterAll
  static void stopFake() throws IOException {
    FAKE.close();
  }

  @BeforeEach
  void project() {
    session = api.register();
    projectId = api.createProject(session, "observed");
    logs.start();
  }

  @AfterEach
  void stopCapturing() {
    logs.stop();
  }

  @Test
  void aReplyCountsItsTokensTimesItsFirstEventAndSettlesItsReservation() {
    Scrape before = scrape();
    FAKE.enqueue(
        List.of(
            messageStart(700, 300, 1200),
            blockStart(0, "text"),
            text(0, "Hello"),
            new Pause(Duration.ofMillis(1500)),
            text(0, " there"),
            messageDelta("end_turn", 45),
            messageStop()));

    try (EventStream stream = send("Say hello", Map.of())) {
      Event event;
      do {
        event = stream.next();
      } while (event != null && !event.type().equals("chunk"));
      Scrape during = scrape();
      assertThat(during.value("bharatbuild_chat_streams_active", Map.of())).isEqualTo(1);
      assertThat(during.value("bharatbuild_chat_replies_active", Map.of())).isEqualTo(1);
      assertThat(during.value("bharatbuild_wallet_reservations_outstanding", Map.of()))
          .isEqualTo(1);
      assertThat(stream.readAll().getLast().type()).isEqualTo("complete");
    }

    Scrape after = scrape();
    Map<String, String> anthropic = Map.of("provider", "anthropic", "model", MODEL);
    assertThat(after.increase(before, "bharatbuild_ai_tokens_total", with(anthropic, "input")))
        .isEqualTo(700);
    assertThat(after.increase(before, "bharatbuild_ai_tokens_total", with(anthropic, "output")))
        .isEqualTo(45);
    assertThat(
            after.increase(
                before, "bharatbuild_ai_tokens_total", with(anthropic, "cache_creation")))
        .isEqualTo(300);
    assertThat(after.increase(before, "bharatbuild_ai_tokens_total", with(anthropic, "cache_read")))
        .isEqualTo(1200);
    assertThat(
            after.increase(before, "bharatbuild_ai_provider_first_token_seconds_count", anthropic))
        .isEqualTo(1);
    assertThat(
            after.increase(
                before,
                "bharatbuild_ai_provider_latency_seconds_count",
                Map.of("provider", "anthropic", "model", MODEL, "outcome", "success")))
        .isEqualTo(1);
    assertThat(
            after.increase(
                before,
                "bharatbuild_ai_provider_latency_seconds_sum",
                Map.of("provider", "anthropic", "model", MODEL, "outcome", "success")))
        .as("the whole answer, pause included")
        .isGreaterThanOrEqualTo(1.5);
    assertThat(
            after.increase(
                before, "bharatbuild_chat_first_event_seconds_count", Map.of("model", MODEL)))
        .isEqualTo(1);
    assertThat(
            after.increase(
                before,
                "bharatbuild_chat_replies_total",
                Map.of("model", MODEL, "status", "complete")))
        .isEqualTo(1);
    assertThat(
            after.increase(
                before, "bharatbuild_wallet_reservations_total", Map.of("outcome", "reserved")))
        .isEqualTo(1);
    assertThat(
            after.increase(
                before, "bharatbuild_wallet_reservations_total", Map.of("outcome", "settled")))
        .isEqualTo(1);
    assertThat(after.value("bharatbuild_wallet_reservations_outstanding", Map.of())).isZero();
    assertThat(awaitValue("bharatbuild_chat_streams_active")).isZero();
  }

  @Test
  void aReplyTheBalanceCannotCoverIsCountedAsRefusedAndHoldsNothing() {
    jdbc.sql("UPDATE user_wallets SET balance = 50 WHERE user_id = :user")
        .param("user", session.userId())
        .update();
    Scrape before = scrape();

    try (EventStream refused = send("Too expensive", Map.of())) {
      assertThat(refused.status()).isEqualTo(402);
    }

    Scrape after = scrape();
    assertThat(
            after.increase(
                before, "bharatbuild_wallet_reservations_total", Map.of("outcome", "refused")))
        .isEqualTo(1);
    assertThat(
            after.increase(
                before, "bharatbuild_wallet_reservations_total", Map.of("outcome", "reserved")))
        .isZero();
    assertThat(after.value("bharatbuild_wallet_reservations_outstanding", Map.of()))
        .isEqualTo(before.value("bharatbuild_wallet_reservations_outstanding", Map.of()));
  }

  @Test
  void providerFailuresAreCountedByKindAndEachAttemptIsTimed() {
    Scrape before = scrape();
    FAKE.enqueue(List.of(overloaded()));
    FAKE.enqueue(List.of(overloaded()));
    FAKE.enqueue(answer(10, 2, "fine"));

    List<Event> events = readAll(send("Hi", Map.of()));

    assertThat(events.getLast().type()).isEqualTo("complete");
    Scrape after = scrape();
    assertThat(
            after.increase(
                before,
                "bharatbuild_ai_provider_errors_total",
                Map.of("provider", "anthropic", "model", MODEL, "kind", "529")))
        .isEqualTo(2);
    assertThat(
            after.increase(
                before,
                "bharatbuild_ai_provider_latency_seconds_count",
                Map.of("model", MODEL, "outcome", "error")))
        .isEqualTo(2);
    assertThat(
            after.increase(
                before,
                "bharatbuild_ai_provider_latency_seconds_count",
                Map.of("model", MODEL, "outcome", "success")))
        .isEqualTo(1);
    assertThat(
            after.increase(
                before, "bharatbuild_ai_tokens_total", Map.of("model", MODEL, "kind", "input")))
        .isEqualTo(10);
  }

  @Test
  void appliedAndFailedOperationsAreCountedWithTheReason() {
    api.post(
        "/api/v1/projects/" + projectId + "/files",
        Map.of("path", "src/app.ts", "content", "const a = 1;\nconst b = 2;\n"),
        session.accessToken());
    String create =
        "<operation type=\"create\" path=\"src/new.ts\">\n<content>\nexport {};\n</content>\n"
            + "</operation>\n";
    String misplaced =
        "<operation type=\"modify\" path=\"src/app.ts\">\n<diff>\n@@ -1,2 +1,2 @@\n"
            + " const x = 1;\n-const y = 2;\n+const y = 3;\n</diff>\n</operation>";
    FAKE.enqueue(answer(100, 20, create + misplaced));
    FAKE.enqueue(answer(50, 5, "Sorry, I cannot find those lines."));
    Scrape before = scrape();

    readAll(send("Change y", Map.of()));

    Scrape after = scrape();
    assertThat(
            after.increase(
                before,
                "bharatbuild_edits_operations_total",
                Map.of("type", "modify", "outcome", "failed", "reason", "no_match")))
        .isEqualTo(1);
    assertThat(
            after.increase(
                before,
                "bharatbuild_edits_operations_total",
                Map.of("type", "create", "outcome", "applied", "reason", "none")))
        .isEqualTo(1);
  }

  @Test
  void requestsAreTimedOnceAndNotOncePerSecurityFilter() {
    assertThat(get("/api/v1/projects", Map.of()).status()).isEqualTo(200);

    String body = api.get("/actuator/prometheus", null).body();
    assertThat(body).contains("http_server_requests_seconds_count{");
    // each filter of the chain observed on its own doubled a waiting stream's stack
    assertThat(body).doesNotContain("spring_security_");
  }

  @Test
  void aProblemCarriesTheIncomingTraceIdAndTheResponseContinuesTheTrace() {
    Response response =
        get("/api/v1/projects/" + UUID.randomUUID(), Map.of("traceparent", TRACEPARENT));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("traceId").asString()).isEqualTo(TRACE_ID);
    Matcher returned = TRACEPARENT_FORMAT.matcher(response.header("traceparent"));
    assertThat(returned.matches()).isTrue();
    assertThat(returned.group(1)).isEqualTo(TRACE_ID);
    assertThat(returned.group(2)).as("this server's own span").isNotEqualTo(CALLER_SPAN);
    assertThat(returned.group(3)).isEqualTo("01");
  }

  @Test
  void withoutAValidTraceparentAFreshTraceStarts() {
    for (String offered :
        List.of(
            "",
            "00-" + "0".repeat(32) + "-" + CALLER_SPAN + "-01",
            "00-" + TRACE_ID.toUpperCase() + "-" + CALLER_SPAN + "-01",
            "01-" + TRACE_ID + "-" + CALLER_SPAN + "-01",
            "00-" + TRACE_ID + "-" + CALLER_SPAN)) {
      Map<String, String> headers = offered.isEmpty() ? Map.of() : Map.of("traceparent", offered);

      Response response = get("/api/v1/projects/" + UUID.randomUUID(), headers);

      String traceId = response.json().get("traceId").asString();
      assertThat(traceId).as(offered).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID);
      assertThat(traceId).isNotEqualTo("0".repeat(32));
      assertThat(response.header("traceparent")).startsWith("00-" + traceId + "-");
    }
  }

  @Test
  void problemsRenderedOutsideSpringMvcCarryTheTraceIdToo() {
    Response unauthenticated =
        api.sendRaw(
            "GET",
            "/api/v1/projects",
            BodyPublishers.noBody(),
            null,
            null,
            Map.of("traceparent", TRACEPARENT));

    assertThat(unauthenticated.status()).isEqualTo(401);
    assertThat(unauthenticated.json().get("traceId").asString()).isEqualTo(TRACE_ID);
    assertThat(unauthenticated.header("traceparent")).contains(TRACE_ID);
  }

  @Test
  void aRepliesLogLinesOnBothThreadsCarryTheTraceIdOfItsRequest() throws InterruptedException {
    FAKE.enqueue(answer(10, 2, "traced"));

    try (EventStream stream = send("Hi", Map.of("traceparent", TRACEPARENT))) {
      assertThat(stream.header("traceparent")).startsWith("00-" + TRACE_ID + "-");
      assertThat(stream.readAll().getLast().type()).isEqualTo("complete");
    }

    Captured started = logs.await("started with model", Duration.ofSeconds(5));
    Captured ended = logs.await("ended complete", Duration.ofSeconds(5));
    assertThat(started.mdc()).containsEntry("traceId", TRACE_ID).containsKey("requestId");
    assertThat(ended.thread()).as("the reply worker's own thread").isNotEqualTo(started.thread());
    assertThat(ended.mdc())
        .containsEntry("traceId", TRACE_ID)
        .containsEntry("requestId", started.mdc().get("requestId"))
        .containsEntry("spanId", started.mdc().get("spanId"));
  }

  private EventStream send(String message, Map<String, String> headers) {
    return EventStream.open(
        api.url("/api/v1/chat/stream"),
        Map.of("projectId", projectId.toString(), "message", message),
        session.accessToken(),
        headers);
  }

  private static List<Event> readAll(EventStream stream) {
    try (stream) {
      return stream.readAll();
    }
  }

  private Response get(String path, Map<String, String> headers) {
    return api.sendRaw("GET", path, BodyPublishers.noBody(), null, session.accessToken(), headers);
  }

  private Scrape scrape() {
    Response response = api.get("/actuator/prometheus", null);
    assertThat(response.status()).isEqualTo(200);
    return Scrape.parse(response.body());
  }

  /**
   * Gauges that settle after the response: the server's thread ends the stream after the client.
   */
  private double awaitValue(String name) throws AssertionError {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    double value = scrape().value(name, Map.of());
    while (value != 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      value = scrape().value(name, Map.of());
    }
    return value;
  }

  private static Map<String, String> with(Map<String, String> labels, String kind) {
    Map<String, String> all = new HashMap<>(labels);
    all.put("kind", kind);
    return all;
  }

  /** One scrape in the Prometheus text format: each series' labels and value. */
  private record Scrape(List<Series> series) {

    private record Series(String name, Map<String, String> labels, double value) {}

    private static final Pattern LINE =
        Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

    static Scrape parse(String text) {
      List<Series> series = new java.util.ArrayList<>();
      for (String line : text.split("\n")) {
        Matcher matcher = LINE.matcher(line);
        if (line.startsWith("#") || !matcher.matches()) {
          continue;
        }
        Map<String, String> labels = new HashMap<>();
        if (matcher.group(2) != null) {
          Matcher label = LABEL.matcher(matcher.group(2));
          while (label.find()) {
            labels.put(label.group(1), label.group(2));
          }
        }
        series.add(new Series(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
      }
      return new Scrape(series);
    }

    /** The sum of the series of this name whose labels include these (0 when there is none). */
    double value(String name, Map<String, String> labels) {
      return series.stream()
          .filter(s -> s.name().equals(name))
          .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
          .mapToDouble(Series::value)
          .sum();
    }

    double increase(Scrape before, String name, Map<String, String> labels) {
      return value(name, labels) - before.value(name, labels);
    }
  }

  private record Captured(String message, String thread, Map<String, String> mdc) {}

  /**
   * The application's log events with the MDC as it was on the logging thread (an event reads the
   * MDC lazily, from whichever thread asks, unless it is copied when logged).
   */
  private static final class CapturedLogs extends AppenderBase<ILoggingEvent> {
    private final List<Captured> events = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
      events.add(
          new Captured(
              event.getFormattedMessage(),
              event.getThreadName(),
              Map.copyOf(event.getMDCPropertyMap())));
    }

    private Logger root() {
      return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Override
    public void start() {
      super.start();
      root().addAppender(this);
    }

    @Override
    public void stop() {
      root().detachAppender(this);
      super.stop();
    }

    Captured await(String text, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        for (Captured event : events) {
          if (event.message().contains(text)) {
            return event;
          }
        }
        Thread.sleep(50);
      }
      throw new AssertionError("no log line containing '" + text + "' in " + events);
    }
  }
}
