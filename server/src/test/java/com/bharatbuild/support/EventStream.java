package com.bharatbuild.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a {@code text/event-stream} response the way EventSource does, event by event. */
public final class EventStream implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  /** One event: its id and its JSON. */
  public record Event(long id, JsonNode data) {
    public String type() {
      return data.get("type").asString();
    }
  }

  private final HttpResponse<Stream<String>> response;
  private final Iterator<String> lines;

  private EventStream(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.lines = response.body().iterator();
  }

  /** Opens a stream with a POST (JSON body) or a GET (no body). */
  public static EventStream open(
      String url, @Nullable Object body, String token, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream");
    if (body == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    headers.forEach(request::header);
    try {
      return new EventStream(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int status() {
    return response.statusCode();
  }

  public String contentType() {
    return response.headers().firstValue("content-type").orElse("");
  }

  /** The whole body, for a response that is not an event stream (an error). */
  public JsonNode problem() {
    StringBuilder body = new StringBuilder();
    lines.forEachRemaining(body::append);
    return JSON.readTree(body.toString());
  }

  /** The next event, or null at the end of the stream. */
  public @Nullable Event next() {
    long id = -1;
    StringBuilder data = new StringBuilder();
    while (lines.hasNext()) {
      String line = lines.next();
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
    return null;
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

  /** Hangs up, as a closed browser tab does. */
  @Override
  public void close() {
    response.body().close();
  }
}
