package com.bharatbuild.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Writes a reply's events as {@code text/event-stream}: {@code id:} and {@code data:} lines, a
 * comment as heartbeat when idle, and the end of the response after the closing event. A client
 * that goes away only detaches; the reply goes on for the grace period.
 */
@Component
class ReplyStreamer {

  private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

  ResponseEntity<StreamingResponseBody> stream(ReplyRun run, long lastEventId, Duration heartbeat) {
    run.attach();
    StreamingResponseBody body =
        out -> {
          try {
            follow(run, lastEventId, heartbeat, out);
          } finally {
            run.detach();
          }
        };
    return response(body);
  }

  /** Streams already-known events (a finished reply that is no longer in memory). */
  ResponseEntity<StreamingResponseBody> replay(List<String> events, long lastEventId) {
    return response(
        out -> {
          for (int i = (int) lastEventId; i < events.size(); i++) {
            write(out, i + 1, events.get(i));
          }
          out.flush();
        });
  }

  private static ResponseEntity<StreamingResponseBody> response(StreamingResponseBody body) {
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_EVENT_STREAM)
        .cacheControl(CacheControl.noStore())
        // nginx and similar proxies must pass each event on at once
        .header("X-Accel-Buffering", "no")
        .body(body);
  }

  private static void follow(ReplyRun run, long lastEventId, Duration heartbeat, OutputStream out)
      throws IOException {
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
