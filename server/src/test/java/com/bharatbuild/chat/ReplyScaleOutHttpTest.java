package com.bharatbuild.chat;

import static com.bharatbuild.ai.FakeModelServer.Anthropic.slowAnswer;
import static com.bharatbuild.chat.ChatHttpTest.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.ai.FakeModelServer;
import com.bharatbuild.support.Api;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.EventStream;
import com.bharatbuild.support.EventStream.Event;
import com.bharatbuild.support.HttpTest;
import com.bharatbuild.support.RequiresRedis;
import com.bharatbuild.support.SecondInstance;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two instances sharing replies through Redis: a reply generated on the first is followed, resumed
 * and stopped through the second, as a client behind a load balancer would after a refresh.
 */
@ExtendWith(RequiresRedis.class)
class ReplyScaleOutHttpTest extends HttpTest {

  private static final FakeModelServer FAKE = FakeModelServer.started();
  private static final String[] AI_SETTINGS = {
    "bharatbuild.ai.anthropic.api-key",
    "bharatbuild.ai.anthropic.base-url",
    "bharatbuild.ai.anthropic.model",
    "bharatbuild.chat.disconnect-grace"
  };
  private static ConfigurableApplicationContext second;

  @Autowired Environment environment;

  private Session session;
  private UUID projectId;
  private Api other;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("bharatbuild.redis.url", RequiresRedis::url);
    registry.add(
        "bharatbuild.auth.jwt-secret", () -> "scale-out-test-secret-scale-out-test-secret-0123");
    FAKE.serveAsAnthropic(registry, "claude-fake");
    registry.add("bharatbuild.chat.disconnect-grace", () -> "1s");
  }

  @AfterAll
  static void stop() throws IOException {
    if (second != null) {
      second.close();
    }
    FAKE.close();
  }

  @BeforeEach
  void project() {
    if (second == null) {
      second = SecondInstance.start(environment, AI_SETTINGS);
    }
    other = new Api("http://127.0.0.1:" + SecondInstance.port(second));
    session = api.register();
    projectId = api.createProject(session, "scaled chat");
  }

  @Test
  void aReplyRunningOnOneInstanceResumesOnAnotherWithLastEventId() {
    // 150 words at 20 ms: longer than the grace period in which an unwatched reply is cancelled
    FAKE.enqueue(slowAnswer(150, Duration.ofMillis(20)));
    EventStream first = send("Tell me something");
    List<Event> before = first.readUntil(event -> event.type().equals("chunk") && event.id() > 6);
    first.close();
    String replyId = before.getFirst().data().get("messageId").asString();
    long lastId = before.getLast().id();

    List<Event> after;
    try (EventStream resumed = follow(other, replyId, lastId)) {
      assertThat(resumed.status()).isEqualTo(200);
      after = resumed.readAll();
    }

    assertThat(after.getFirst().id()).isEqualTo(lastId + 1);
    for (int i = 1; i < after.size(); i++) {
      assertThat(after.get(i).id()).isEqualTo(after.get(i - 1).id() + 1);
    }
    List<Event> all = new ArrayList<>(before);
    all.addAll(after);
    assertThat(textOf(all)).isEqualTo("word ".repeat(150));
    assertThat(after.getLast().type()).isEqualTo("complete");
    assertThat(after.getLast().data().get("status").asString())
        .as("followed on the other instance, the reply was not taken for abandoned")
        .isEqualTo("complete");
  }

  @Test
  void aStopSentToAnotherInstanceCancelsTheReplyWhereItRuns() {
    FAKE.enqueue(slowAnswer(400, Duration.ofMillis(20)));
    EventStream first = send("Write a long story");
    String replyId = first.replyIdOnceGenerating();

    long stoppedAt = System.nanoTime();
    assertThat(other.post("/api/v1/chat/stop/" + replyId, null, session.accessToken()).status())
        .isEqualTo(202);
    List<Event> rest = first.readAll();
    Duration toEnd = Duration.ofNanos(System.nanoTime() - stoppedAt);
    first.close();

    assertThat(toEnd).isLessThan(Duration.ofSeconds(2));
    assertThat(rest.getLast().data().get("status").asString()).isEqualTo("cancelled");
  }

  @Test
  void anotherUserCannotFollowOrStopTheReply() {
    FAKE.enqueue(slowAnswer(100, Duration.ofMillis(20)));
    EventStream first = send("Mine");
    String replyId = first.replyIdOnceGenerating();
    Session stranger = other.register();

    try (EventStream refused = follow(other, replyId, 0, stranger)) {
      assertThat(refused.status()).isEqualTo(404);
    }
    assertThat(other.post("/api/v1/chat/stop/" + replyId, null, stranger.accessToken()).status())
        .isEqualTo(404);
    List<Event> rest = first.readAll();
    first.close();
    assertThat(rest.getLast().data().get("status").asString()).isEqualTo("complete");
  }

  private EventStream follow(Api instance, String replyId, long lastId) {
    return follow(instance, replyId, lastId, session);
  }

  private static EventStream follow(Api instance, String replyId, long lastId, Session as) {
    return EventStream.open(
        instance.url("/api/v1/chat/stream?messageId=" + replyId),
        null,
        as.accessToken(),
        Map.of("Last-Event-ID", Long.toString(lastId)));
  }

  private EventStream send(String message) {
    return EventStream.open(
        api.url("/api/v1/chat/stream"),
        Map.of("projectId", projectId.toString(), "message", message),
        session.accessToken(),
        Map.of());
  }
}
