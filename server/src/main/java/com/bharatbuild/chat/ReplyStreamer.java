package com.bharatbuild.chat;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes a reply's events as {@code text/event-stream} on the request's own (virtual) thread:
 * {@code id:} and {@code data:} lines flushed one event at a time, a comment as heartbeat when
 * idle, and the end of the response after the closing event. A client that goes away makes the next
 * write fail; it only detaches, and the reply goes on for the grace period.
 */
@Component
class ReplyStreamer {

  private final ChatMetrics metrics;

  ReplyStreamer(ChatMetrics metrics) {
    this.metrics = metrics;
  }

  private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

  void stream(ReplySource run, long lastEventId, Duration heartbeat, HttpServletResponse response)
      throws IOException {
    run.attach();
    metrics.streamOpened();
    try {
      OutputStream out = start(response);
      follow(run, lastEventId, heartbeat, out);
    } catch (IOException clientGone) {
      // the reply goes on; the client may come back with Last-Event-ID
    } finally {
      metrics.streamClosed();
      run.detach();
    }
  }

  /** Streams already-known events (a finished reply that is no longer in memory). */
  void replay(List<String> events, long lastEventId, HttpServletResponse response)
      throws IOException {
    OutputStream out = start(response);
    for (int i = (int) lastEventId; i < events.size(); i++) {
      write(out, i + 1, events.get(i));
    }
    out.flush();
  }

  private static OutputStream start(HttpServletResponse response) throws IOException {
    response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    // nginx and similar proxies must pass each event on at once
    response.setHeader("X-Accel-Buffering", "no");
    response.flushBuffer();
    return response.getOutputStream();
  }

  private static void follow(
      ReplySource run, long lastEventId, Duration heartbeat, OutputStream out) throws IOException {
    long seen = lastEventId;
    try {
      while (true) {
        List<String> next = run.eventsAfter(seen, heartbeat);
        if (next.isEmpty()) {
          if (run.isFinished()) {
            return;
          }
          out.write(HEARTBEAT);
          out.flush();
          continue;
        }
        for (String event : next) {
          write(out, ++seen, event);
        }
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void write(OutputStream out, long id, String json) throws IOException {
    out.write(("id: " + id + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
  }
}
