package com.bharatbuild.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.HttpTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class ErrorHttpTest extends HttpTest {

  private Session session;

  @BeforeEach
  void login() {
    session = api.register();
  }

  @Test
  void malformedJsonIsABadRequestProblem() {
    Response response = api.post("/api/v1/projects", "{\"name\": ", session.accessToken());

    assertProblem(response, 400);
    assertThat(response.json().get("detail").asString()).contains("not valid JSON");
  }

  @Test
  void unknownApiRoutesAreNotFoundProblems() {
    Response response = api.get("/api/v1/no-such-thing", session.accessToken());

    assertProblem(response, 404);
  }

  @Test
  void withoutATokenEveryApiRouteIsUnauthorized() {
    assertProblem(api.get("/api/v1/projects", null), 401);
    assertProblem(api.get("/api/v1/no-such-thing", null), 401);
  }

  @Test
  void wrongMethodIsMethodNotAllowed() {
    Response response = api.send("PATCH", "/api/v1/projects", null, session.accessToken());

    assertProblem(response, 405);
  }

  @Test
  void wrongContentTypeIsUnsupportedMediaType() {
    Response response =
        api.sendRaw(
            "POST",
            "/api/v1/projects",
            BodyPublishers.ofString("name=x"),
            "text/plain",
            session.accessToken(),
            Map.of());

    assertProblem(response, 415);
  }

  @Test
  void aBodyAnnouncedAsTooLargeIsRefused() {
    Response response =
        api.sendRaw(
            "POST",
            "/api/v1/projects",
            BodyPublishers.ofString("{\"name\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}"),
            "application/json",
            session.accessToken(),
            Map.of());

    assertProblem(response, 413);
  }

  @Test
  void aServerErrorShowsARequestIdAndNoInternals(CapturedOutput output) {
    Response response = api.get("/api/v1/test-only/failure", session.accessToken());

    assertProblem(response, 500);
    String requestId = response.json().get("requestId").asString();
    assertThat(response.header("X-Request-Id")).isEqualTo(requestId);
    assertThat(response.json().get("detail").asString()).contains(requestId);
    assertThat(response.body()).doesNotContain("hunter2").doesNotContain("IllegalStateException");
    assertThat(output.getAll())
        .as("the log has the stack trace, tagged with the request id")
        .contains(requestId)
        .contains("IllegalStateException");
  }

  @Test
  void aGivenRequestIdIsEchoed() {
    Response response =
        api.sendRaw(
            "GET",
            "/api/v1/no-such-thing",
            BodyPublishers.noBody(),
            null,
            session.accessToken(),
            Map.of("X-Request-Id", "trace-abc-12345"));

    assertThat(response.header("X-Request-Id")).isEqualTo("trace-abc-12345");
    assertThat(response.json().get("requestId").asString()).isEqualTo("trace-abc-12345");
  }

  @Test
  void theMetricsScrapeIsRefusedOnThePublicPortByDefault() {
    Response anonymous = api.get("/actuator/prometheus", null);
    Response signedIn = api.get("/actuator/prometheus", session.accessToken());

    assertProblem(anonymous, 401);
    assertProblem(signedIn, 403);
    assertThat(signedIn.body()).doesNotContain("bharatbuild_");
  }

  @Test
  void healthProbesAreUp() {
    assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    assertThat(api.get("/actuator/health", null).json().get("status").asString()).isEqualTo("UP");
  }

  private static void assertProblem(Response response, int status) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(status);
    assertThat(response.json().get("title").asString()).isNotBlank();
    assertThat(response.json().get("detail").asString()).isNotBlank();
    assertThat(response.json().get("requestId").asString()).isNotBlank();
    assertThat(response.json().get("traceId").asString()).matches("[0-9a-f]{32}");
  }
}
