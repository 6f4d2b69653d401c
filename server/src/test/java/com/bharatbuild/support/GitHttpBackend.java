package com.bharatbuild.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A git server on loopback: git's own {@code git http-backend} behind a small CGI bridge, serving
 * the repositories under one folder, pushes included. With a token set it asks for HTTP Basic
 * credentials the way GitHub does ({@code 401} with a challenge) and accepts that token as the
 * password.
 */
public final class GitHttpBackend implements AutoCloseable {

  private final Path root;
  private final String token;
  private final HttpServer server;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  public GitHttpBackend(Path root, String token) throws IOException {
    this.root = root;
    this.token = token;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  public String url(String repository) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + repository;
  }

  /** The Authorization headers the server received, for asserting what a client sent. */
  public List<String> authorizations() {
    return authorizations;
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (authorization != null) {
        authorizations.add(authorization);
      }
      String expected =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(("x-access-token:" + token).getBytes(StandardCharsets.UTF_8));
      if (!expected.equals(authorization)) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      ProcessBuilder cgi = new ProcessBuilder("git", "http-backend");
      Map<String, String> env = cgi.environment();
      env.put("GIT_PROJECT_ROOT", root.toString());
      env.put("GIT_HTTP_EXPORT_ALL", "1");
      env.put("REMOTE_USER", "x-access-token");
      env.put("REQUEST_METHOD", exchange.getRequestMethod());
      env.put("PATH_INFO", exchange.getRequestURI().getRawPath());
      String query = exchange.getRequestURI().getRawQuery();
      env.put("QUERY_STRING", query == null ? "" : query);
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      env.put("CONTENT_TYPE", type == null ? "" : type);
      String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
      if (encoding != null) {
        env.put("HTTP_CONTENT_ENCODING", encoding);
      }
      String protocol = exchange.getRequestHeaders().getFirst("Git-Protocol");
      if (protocol != null) {
        env.put("GIT_PROTOCOL", protocol);
      }
      cgi.redirectError(ProcessBuilder.Redirect.DISCARD);
      Process process = cgi.start();
      Thread.ofVirtual()
          .start(
              () -> {
                try (OutputStream in = process.getOutputStream();
                    InputStream body = exchange.getRequestBody()) {
                  body.transferTo(in);
                } catch (IOException e) {
                  process.destroy();
                }
              });
      byte[] output = process.getInputStream().readAllBytes();
      respond(exchange, output);
    }
  }

  /** Turns the CGI's headers-then-body output into the HTTP response. */
  private static void respond(HttpExchange exchange, byte[] output) throws IOException {
    int end = indexOf(output, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    int separator = 4;
    if (end < 0) {
      end = indexOf(output, "\n\n".getBytes(StandardCharsets.US_ASCII));
      separator = 2;
    }
    if (end < 0) {
      exchange.sendResponseHeaders(502, -1);
      return;
    }
    int status = 200;
    for (String line : new String(output, 0, end, StandardCharsets.ISO_8859_1).split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      if (name.equalsIgnoreCase("Status")) {
        status = Integer.parseInt(value.split(" ")[0]);
      } else {
        exchange.getResponseHeaders().add(name, value);
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(output, end + separator, output.length - end - separator);
    exchange.sendResponseHeaders(status, body.size() == 0 ? -1 : body.size());
    if (body.size() > 0) {
      exchange.getResponseBody().write(body.toByteArray());
    }
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
