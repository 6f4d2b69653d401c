package com.bharatbuild.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code text/event-stream} response the way EventSource does, event by event, over a plain
 * socket: closing it closes the TCP connection at once, as a closed browser tab does.
 */
public final class EventStream implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One event: its id and its JSON. */
  public record Event(long id, JsonNode data) {
    public String type() {
      return data.get("type").asString();
    }
  }

  private final Socket socket;
  private final InputStream body;
  private final int status;
  private final Map<String, String> headers;

  private EventStream(Socket socket, InputStream body, int status, Map<String, String> headers) {
    this.socket = socket;
    this.body = body;
    this.status = status;
    this.headers = headers;
  }

  /** Opens a stream with a POST (JSON body) or a GET (no body). */
  public static EventStream open(
      String url, @Nullable Object body, String token, Map<String, String> extraHeaders) {
    URI uri = URI.create(url);
    try {
      Socket socket = new Socket(uri.getHost(), uri.getPort());
      byte[] payload =
          body == null
              ? new byte[0]
              : JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
      StringBuilder request = new StringBuilder();
      request
          .append(body == null ? "GET " : "POST ")
          .append(uri.getRawPath())
          .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
          .append(" HTTP/1.1\r\n");
      request
          .append("Host: ")
          .append(uri.getHost())
          .append(':')
          .append(uri.getPort())
          .append("\r\n");
      request.append("Authorization: Bearer ").append(token).append("\r\n");
      request.append("Accept: text/event-stream\r\n");
      if (body != null) {
        request.append("Content-Type: application/json\r\n");
        request.append("Content-Length: ").append(payload.length).append("\r\n");
      }
      extraHeaders.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
      request.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.write(payload);
      out.flush();

      InputStream in = new BufferedInputStream(socket.getInputStream());
      String statusLine = line(in);
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String header = line(in); !header.isEmpty(); header = line(in)) {
        int colon = header.indexOf(':');
        headers.put(
            header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            header.substring(colon + 1).trim());
      }
      InputStream content =
          "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? new Chunked(in) : in;
      return new EventStream(socket, content, status, headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int status() {
    return status;
  }

  public String contentType() {
    return headers.getOrDefault("content-type", "");
  }

  /** A response header, by its name in any case. */
  public @Nullable String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The whole body, for a response that is not an event stream (an error). */
  public JsonNode problem() {
    try {
      return JSON.readTree(new String(body.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next event, or null at the end of the stream. */
  public @Nullable Event next() {
    long id = -1;
    StringBuilder data = new StringBuilder();
    try {
      while (true) {
        String line = utf8Line(body);
        if (line == null) {
          return null;
        }
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            return new Event(id, JSON.readTree(data.toString()));
          }
          continue;
        }
        if (line.startsWith("id:")) {
          id = Long.parseLong(line.substring(3).trim());
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).stripLeading());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every event to the end of the stream. */
  public List<Event> readAll() {
    List<Event> events = new ArrayList<>();
    for (Event event = next(); event != null; event = next()) {
      events.add(event);
    }
    return events;
  }

  /** Events up to and including the first that matches. */
  public List<Event> readUntil(Predicate<Event> last) {
    List<Event> events = new ArrayList<>();
    for (Event event = next(); event != null; event = next()) {
      events.add(event);
      if (last.test(event)) {
        break;
      }
    }
    return events;
  }

  /**
   * Reads a reply's stream up to its first text chunk, so the reply is known to be generating.
   *
   * @return the reply's id, from its opening event
   */
  public String replyIdOnceGenerating() {
    return readUntil(event -> event.type().equals("chunk"))
        .getFirst()
        .data()
        .get("messageId")
        .asString();
  }

  /** Hangs up, as a closed browser tab does. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  private static String line(InputStream in) throws IOException {
    String line = utf8Line(in);
    if (line == null) {
      throw new IOException("connection closed in the response head");
    }
    return line;
  }

  private static @Nullable String utf8Line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        bytes.write(c);
      }
    }
    if (c < 0 && bytes.size() == 0) {
      return null;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Decodes {@code Transfer-Encoding: chunked}. */
  private static final class Chunked extends InputStream {
    private final InputStream in;
    private long left;
    private boolean done;

    Chunked(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      if (done) {
        return -1;
      }
      if (left == 0) {
        String size = line(in);
        if (size.isEmpty()) {
          size = line(in);
        }
        left = Long.parseLong(size.split(";")[0].trim(), 16);
        if (left == 0) {
          done = true;
          return -1;
        }
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }
  }
}
