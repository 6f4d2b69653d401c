package com.bharatbuild.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.HttpTest;
import com.bharatbuild.support.RequiresRedis;
import com.bharatbuild.support.SecondInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Two instances on one database and one Redis: a tab connected to the second sees, numbered the
 * same way, what a request to the first changed, and can resume there.
 */
@ExtendWith(RequiresRedis.class)
class LiveScaleOutHttpTest extends HttpTest {

  private static ConfigurableApplicationContext second;

  @Autowired Environment environment;

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("bharatbuild.redis.url", RequiresRedis::url);
    // both instances must accept the same access tokens, as behind one load balancer
    registry.add(
        "bharatbuild.auth.jwt-secret", () -> "scale-out-test-secret-scale-out-test-secret-0123");
  }

  @AfterAll
  static void stopSecond() {
    if (second != null) {
      second.close();
    }
  }

  private int secondPort() {
    if (second == null) {
      second = SecondInstance.start(environment);
    }
    return SecondInstance.port(second);
  }

  @Test
  void aTabOnOneInstanceSeesAChangeMadeThroughAnother() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "scaled");
    // issued by the first instance, redeemed by the second: tickets live in the shared Redis
    Response issued =
        api.post("/api/v1/projects/" + project + "/events/ticket", null, session.accessToken());
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    String ticket = issued.json().get("ticket").asString();
    LiveHttpTest.Tab tab = new LiveHttpTest.Tab();
    tab.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                URI.create(
                    "ws://127.0.0.1:"
                        + secondPort()
                        + "/api/v1/projects/"
                        + project
                        + "/events?ticket="
                        + ticket),
                tab)
            .join();
    JsonNode hello = tab.next(m -> m.path("type").asString("").equals("hello"));
    tab.send("{\"type\":\"resume\",\"after\":-1}");

    Response written =
        api.put(
            "/api/v1/projects/" + project + "/files",
            Map.of("path", "shared.txt", "content", "from the first instance"),
            session.accessToken());

    assertThat(written.status()).isIn(200, 201);
    JsonNode change = tab.next(m -> m.path("type").asString("").equals("file.changed"));
    assertThat(change.get("path").asString()).isEqualTo("shared.txt");
    assertThat(change.get("seq").asLong()).isEqualTo(hello.get("seq").asLong() + 1);
  }
}
