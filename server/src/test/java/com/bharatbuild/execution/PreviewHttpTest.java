package com.bharatbuild.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.execution.preview.PreviewServer;
import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.HttpTest;
import com.bharatbuild.support.PreviewRequests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The preview origin: a secret host per project, the dev server's answers piped through. */
@ExtendWith(RequiresSandbox.class)
class PreviewHttpTest extends HttpTest {

  @Autowired PreviewServer preview;

  private static final String SERVER =
      "require('http').createServer((q, s) => s.end('hello from ' + q.url))"
          + ".listen(4123, () => console.log('rea' + 'dy on http://localhost:4123/'))";

  // the log starts with the command itself, so the awaited text must only appear in its output

  /** One HTTP/1.1 exchange with the preview listener, with the Host a browser would send. */
  private String exchange(String hostLabel, String target) throws IOException {
    return PreviewRequests.get(preview.port(), hostLabel + ".localhost", target);
  }

  @Test
  void aRunningDevServerIsPreviewedOnASecretOriginOfItsOwn() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "preview");
    Response noServer =
        api.post("/api/v1/projects/" + project + "/preview", null, session.accessToken());
    assertThat(noServer.status()).isEqualTo(409);

    Response started =
        api.post(
            "/api/v1/projects/" + project + "/runs",
            Map.of("command", "node -e \"" + SERVER + "\""),
            session.accessToken());
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    JsonNode run = started.json();
    awaitLog(session, project, run.get("id").asString(), "ready on");

    JsonNode opened =
        api.post("/api/v1/projects/" + project + "/preview", null, session.accessToken()).json();
    URI url = URI.create(opened.get("url").asString());
    String host = url.getHost().split("\\.")[0];
    assertThat(url.getHost()).endsWith(".localhost").doesNotContain(project.toString());
    assertThat(url.getPort()).isEqualTo(preview.port());

    assertThat(exchange(host, "/page?x=1"))
        .startsWith("HTTP/1.1 200")
        .endsWith("hello from /page?x=1");
    assertThat(
            api.post("/api/v1/projects/" + project + "/preview", null, session.accessToken())
                .json()
                .get("url")
                .asString())
        .as("the same origin while it is valid, so the app keeps its storage")
        .isEqualTo(opened.get("url").asString());
    assertThat(exchange("p" + "0".repeat(32), "/page")).startsWith("HTTP/1.1 404");
    assertThat(exchange(project.toString(), "/page"))
        .as("the project id is not an address")
        .startsWith("HTTP/1.1 404");

    api.delete(
        "/api/v1/projects/" + project + "/runs/" + run.get("id").asString(), session.accessToken());
  }

  private static final String UPGRADING_SERVER =
      "const s = require('http').createServer((q, r) => r.end('plain'));"
          + " s.on('upgrade', (q, socket) => {"
          + " socket.write('HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: echo\\r\\nConnection: Upgrade\\r\\n\\r\\n');"
          + " socket.on('data', (d) => socket.write('echo:' + d)); });"
          + " s.listen(4124, () => console.log('rea' + 'dy on http://localhost:4124/'))";

  @Test
  void anUpgradedConnectionSuchAsHotReloadIsPipedBothWays() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "upgrade");
    JsonNode run =
        api.post(
                "/api/v1/projects/" + project + "/runs",
                Map.of("command", "node -e \"" + UPGRADING_SERVER + "\""),
                session.accessToken())
            .json();
    awaitLog(session, project, run.get("id").asString(), "ready on");
    URI url =
        URI.create(
            api.post("/api/v1/projects/" + project + "/preview", null, session.accessToken())
                .json()
                .get("url")
                .asString());

    try (Socket socket = new Socket("127.0.0.1", preview.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /hmr HTTP/1.1\r\nHost: "
                  + url.getHost()
                  + ":"
                  + preview.port()
                  + "\r\nConnection: Upgrade\r\nUpgrade: echo\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String switched = readUntil(in, "\r\n\r\n");
      out.write("ping-1".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String echoed = readUntil(in, "ping-1");

      assertThat(switched).startsWith("HTTP/1.1 101");
      assertThat(echoed).isEqualTo("echo:ping-1");
    } finally {
      api.delete(
          "/api/v1/projects/" + project + "/runs/" + run.get("id").asString(),
          session.accessToken());
    }
  }

  private static String readUntil(InputStream in, String end) throws IOException {
    StringBuilder read = new StringBuilder();
    while (!read.toString().endsWith(end)) {
      int next = in.read();
      if (next == -1) {
        break;
      }
      read.append((char) next);
    }
    return read.toString();
  }

  @Test
  void anotherUserCannotOpenThePreview() {
    Session owner = api.register();
    Session other = api.register();
    UUID project = api.createProject(owner, "mine");

    assertThat(
            api.post("/api/v1/projects/" + project + "/preview", null, other.accessToken())
                .status())
        .isEqualTo(404);
  }

  private void awaitLog(Session session, UUID project, String runId, String text) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String path = "/api/v1/projects/" + project + "/runs/" + runId + "/log";
    while (System.nanoTime() < deadline) {
      if (api.get(path, session.accessToken()).body().contains(text)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "log never showed " + text + ": " + api.get(path, session.accessToken()).body());
  }
}
