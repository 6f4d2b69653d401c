package com.bharatbuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The run command's promise: nothing configured, a database appears and survives a restart. */
class EmbeddedDefaultsTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dataDir;

  @Test
  void startsOnAFileDatabaseInTheDataDirectoryAndKeepsDataAcrossRestarts() throws Exception {
    String body = "{\"email\":\"first@example.test\",\"password\":\"password123\"}";
    try (ConfigurableApplicationContext app = start()) {
      assertThat(post(app, "/api/v1/auth/register", body).statusCode()).isEqualTo(201);
    }
    assertThat(dataDir.resolve("db/bharatbuild.mv.db")).exists();
    assertThat(dataDir.resolve("jwt-secret")).exists();

    try (ConfigurableApplicationContext app = start()) {
      HttpResponse<String> login = post(app, "/api/v1/auth/login", body);
      assertThat(login.statusCode()).isEqualTo(200);
    }
  }

  private ConfigurableApplicationContext start() {
    return SpringApplication.run(
        BharatBuildApplication.class,
        "--server.port=0",
        "--bharatbuild.data-dir=" + dataDir,
        "--spring.main.banner-mode=off");
  }

  private HttpResponse<String> post(ConfigurableApplicationContext app, String path, String json)
      throws Exception {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json))
            .build();
    return http.send(request, BodyHandlers.ofString());
  }
}
