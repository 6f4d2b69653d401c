package com.bharatbuild.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.execution.RequiresSandbox;
import com.bharatbuild.execution.preview.PreviewServer;
import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.HttpTest;
import com.bharatbuild.support.PreviewRequests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Each starter template installs its dependencies and runs in the sandbox, and its app answers
 * through the preview origin. The installs need the package registries; one that does not answer
 * from this machine skips its template with the reason.
 */
@ExtendWith(RequiresSandbox.class)
class TemplateRunHttpTest extends HttpTest {

  @Autowired PreviewServer preview;

  @Test
  void nodeExpressInstallsRunsAndAnswers() throws Exception {
    assertTemplateServes(
        "node-express",
        "https://registry.npmjs.org/express",
        "Listening on",
        "/api/hello",
        "Hello from Express",
        Duration.ofMinutes(3));
  }

  @Test
  void reactViteInstallsRunsAndAnswers() throws Exception {
    String log =
        assertTemplateServes(
            "react-vite-ts",
            "https://registry.npmjs.org/vite",
            "Local:",
            "/src/App.tsx",
            "export default function App",
            Duration.ofMinutes(5));
    assertThat(log).contains("VITE");
  }

  @Test
  void javaSpringBootBuildsRunsAndAnswers() throws Exception {
    assertTemplateServes(
        "java-spring-boot",
        "https://repo.maven.apache.org/maven2/org/springframework/boot/spring-boot/maven-metadata.xml",
        "Started DemoApplication",
        "/api/hello",
        "Hello from Spring Boot",
        Duration.ofMinutes(8));
  }

  @Test
  void pythonFlaskInstallsRunsAndAnswers() throws Exception {
    assertTemplateServes(
        "python-flask",
        "https://pypi.org/simple/flask/",
        "Running on",
        "/api/hello",
        "Hello from Flask",
        Duration.ofMinutes(3));
  }

  /** Creates a project from the template, runs it, and returns the run's log once it answers. */
  private String assertTemplateServes(
      String template, String registry, String ready, String path, String expected, Duration limit)
      throws Exception {
    Assumptions.assumeTrue(
        answers(registry),
        () ->
            template
                + " skipped: its package registry "
                + registry
                + " does not answer from this machine");
    Session session = api.register();
    Response created =
        api.post(
            "/api/v1/projects",
            Map.of("name", template, "templateId", template),
            session.accessToken());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    UUID project = UUID.fromString(created.json().get("id").asString());

    Response started =
        api.post(
            "/api/v1/projects/" + project + "/runs",
            Map.of("action", "run"),
            session.accessToken());
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String runPath = "/api/v1/projects/" + project + "/runs/" + started.json().get("id").asString();
    try {
      String log = awaitLog(session, runPath, ready, limit);
      JsonNode opened =
          api.post("/api/v1/projects/" + project + "/preview", null, session.accessToken()).json();
      URI url = URI.create(opened.get("url").asString());
      String answer = PreviewRequests.get(preview.port(), url.getHost(), path);
      assertThat(answer).as(log).startsWith("HTTP/1.1 200").contains(expected);
      return log;
    } finally {
      api.delete(runPath, session.accessToken());
    }
  }

  private static boolean answers(String registry) {
    try (HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      int status =
          client
              .send(
                  HttpRequest.newBuilder(URI.create(registry))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  BodyHandlers.discarding())
              .statusCode();
      return status < 500;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String awaitLog(Session session, String runPath, String text, Duration limit)
      throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    String log = "";
    while (System.nanoTime() < deadline) {
      log = api.get(runPath + "/log", session.accessToken()).body();
      // the log starts with the commands themselves, so look only at what they printed
      if (log.substring(log.indexOf('\n') + 1).contains(text)) {
        return log;
      }
      JsonNode run = api.get(runPath, session.accessToken()).json();
      if (!run.get("status").asString().equals("running")) {
        throw new AssertionError("the run ended before it was ready: " + log);
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the log never showed " + text + ": " + log);
  }
}
