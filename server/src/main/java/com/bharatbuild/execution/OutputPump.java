package com.bharatbuild.execution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Copies a sandboxed command's output to its readers, no faster than the allowed rate: past it,
 * reading pauses, the pipe fills, and the command itself blocks on its writes instead of flooding
 * the server. Lines are cut out as well, for the problem parser and port detection.
 */
final class OutputPump {

  interface Sink {
    void bytes(byte[] chunk, int length) throws IOException;
  }

  private static final int MAX_LINE = 8_192;

  private final long bytesPerSecond;

  OutputPump(long bytesPerSecond) {
    this.bytesPerSecond = Math.max(bytesPerSecond, 1_024);
  }

  /** Pumps until the end of the output; a failing sink ends the pump. */
  void pump(InputStream output, Sink sink, Consumer<String> lines) throws IOException {
    byte[] buffer = new byte[16_384];
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    long windowStart = System.nanoTime();
    long windowBytes = 0;
    int read;
    while ((read = output.read(buffer)) != -1) {
      // lines first: whoever sees a line in the log may rely on what it announced (a port)
      for (int i = 0; i < read; i++) {
        byte b = buffer[i];
        if (b == '\n' || b == '\r') {
          if (line.size() > 0) {
            lines.accept(line.toString(StandardCharsets.UTF_8));
            line.reset();
          }
        } else if (line.size() < MAX_LINE) {
          line.write(b);
        }
      }
      sink.bytes(buffer, read);
      windowBytes += read;
      long elapsed = System.nanoTime() - windowStart;
      long allowed = bytesPerSecond * Math.max(elapsed, 1) / 1_000_000_000L;
      if (windowBytes > allowed + bytesPerSecond / 4) {
        long waitNanos = (windowBytes - allowed) * 1_000_000_000L / bytesPerSecond;
        sleep(waitNanos);
      }
      if (elapsed > 5_000_000_000L) {
        windowStart = System.nanoTime();
        windowBytes = 0;
      }
    }
    if (line.size() > 0) {
      lines.accept(line.toString(StandardCharsets.UTF_8));
    }
  }

  private static void sleep(long nanos) throws IOException {
    try {
      Thread.sleep(Math.min(nanos / 1_000_000, 1_000), (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
