package com.bharatbuild.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON client for the server under test, speaking plain HTTP like a browser would. */
public final class Api {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final String base;

  public Api(String base) {
    this.base = base;
  }

  public record Response(int status, HttpResponse<String> raw) {
    public JsonNode json() {
      return JSON.readTree(raw.body());
    }

    public String body() {
      return raw.body();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("content-type");
    }
  }

  /** A registered user with a live session. */
  public record Session(
      UUID userId, String email, String password, String accessToken, String refreshToken) {}

  /** The absolute URL of a path on the server under test. */
  public String url(String path) {
    return base + path;
  }

  public Response get(String path, @Nullable String token) {
    return send("GET", path, null, token);
  }

  public Response post(String path, @Nullable Object body, @Nullable String token) {
    return send("POST", path, body, token);
  }

  public Response put(String path, @Nullable Object body, @Nullable String token) {
    return send("PUT", path, body, token);
  }

  public Response delete(String path, @Nullable String token) {
    return send("DELETE", path, null, token);
  }

  public Response send(String method, String path, @Nullable Object body, @Nullable String token) {
    String json =
        body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
    return sendRaw(
        method,
        path,
        json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json),
        json == null ? null : "application/json",
        token,
        Map.of());
  }

  public Response sendRaw(
      String method,
      String path,
      BodyPublisher body,
      @Nullable String contentType,
      @Nullable String token,
      Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Registers a fresh user with a unique email. */
  public Session register() {
    String email = "user-" + UUID.randomUUID() + "@example.test";
    String password = "correct horse " + UUID.randomUUID();
    Response response =
        post(
            "/api/v1/auth/register",
            Map.of("email", email, "password", password, "name", "Test User"),
            null);
    if (response.status() != 201) {
      throw new IllegalStateException(
          "register failed: " + response.status() + " " + response.body());
    }
    JsonNode json = response.json();
    return new Session(
        UUID.fromString(json.get("user").get("id").asString()),
        email,
        password,
        json.get("accessToken").asString(),
        json.get("refreshToken").asString());
  }

  /** Creates a project for the session and returns its id. */
  public UUID createProject(Session session, String name) {
    Response response =
        post("/api/v1/projects", Map.of("name", name, "type", "react"), session.accessToken());
    if (response.status() != 201) {
      throw new IllegalStateException("create project failed: " + response.body());
    }
    return UUID.fromString(response.json().get("id").asString());
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public static String json(Object value) {
    return JSON.writeValueAsString(value);
  }
}
