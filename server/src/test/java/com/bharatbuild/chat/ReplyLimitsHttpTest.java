package com.bharatbuild.chat;

import static com.bharatbuild.ai.FakeModelServer.Anthropic.slowAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.ai.FakeModelServer;
import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.EventStream;
import com.bharatbuild.support.HttpTest;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The limits that keep one user from crowding out the others: replies streaming at once, one reply
 * per project, and API requests per minute (shared through Redis when instances share one).
 */
class ReplyLimitsHttpTest extends HttpTest {

  private static final FakeModelServer FAKE = FakeModelServer.started();
  private static final int REQUESTS = 40;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    FAKE.serveAsAnthropic(registry, "claude-fake");
    registry.add("bharatbuild.chat.max-replies-per-user", () -> "2");
    registry.add("bharatbuild.limits.requests-per-window", () -> Integer.toString(REQUESTS));
  }

  @AfterAll
  static void stop() throws IOException {
    FAKE.close();
  }

  @Test
  void aUserMayHaveOnlySoManyRepliesStreamingAndOnePerProject() {
    Session session = api.register();
    UUID first = api.createProject(session, "one");
    UUID second = api.createProject(session, "two");
    UUID third = api.createProject(session, "three");
    FAKE.enqueue(slowAnswer(40, Duration.ofMillis(20)));
    FAKE.enqueue(slowAnswer(40, Duration.ofMillis(20)));

    try (EventStream a = send(session, first);
        EventStream b = send(session, second)) {
      assertThat(a.status()).isEqualTo(200);
      assertThat(b.status()).isEqualTo(200);
      a.readUntil(event -> event.type().equals("chunk"));
      b.readUntil(event -> event.type().equals("chunk"));

      try (EventStream sameProject = send(session, first)) {
        assertThat(sameProject.status()).isEqualTo(409);
      }
      try (EventStream tooMany = send(session, third)) {
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.problem().get("code").asString()).isEqualTo("too-many-replies");
      }
      assertThat(a.readAll().getLast().type()).isEqualTo("complete");
      b.readAll();
    }

    FAKE.enqueue(slowAnswer(2, Duration.ofMillis(20)));
    try (EventStream afterwards = send(session, third)) {
      assertThat(afterwards.status()).as("finished replies gave their slots back").isEqualTo(200);
      assertThat(afterwards.readAll().getLast().type()).isEqualTo("complete");
    }
  }

  @Test
  void pastTheRequestLimitAUserIsToldToWaitAndOthersAreNot() {
    Session busy = api.register();
    Session other = api.register();
    int answered = 0;
    Response refused = null;
    for (int i = 0; i < REQUESTS + 5 && refused == null; i++) {
      Response response = api.get("/api/v1/projects", busy.accessToken());
      if (response.status() == 429) {
        refused = response;
      } else {
        answered++;
      }
    }

    assertThat(answered).isEqualTo(REQUESTS);
    assertThat(refused).isNotNull();
    assertThat(refused.json().get("code").asString()).isEqualTo("too-many-requests");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(api.get("/api/v1/projects", other.accessToken()).status()).isEqualTo(200);
  }

  private EventStream send(Session session, UUID projectId) {
    return EventStream.open(
        api.url("/api/v1/chat/stream"),
        Map.of("projectId", projectId.toString(), "message", "Tell me more"),
        session.accessToken(),
        Map.of());
  }
}
