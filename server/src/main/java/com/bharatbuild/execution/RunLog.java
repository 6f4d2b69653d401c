package com.bharatbuild.execution;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run's output on disk for the Output tab. A dev server can print for days, so the file is kept
 * under a cap: when it grows past it, the older half is dropped and the newest output kept.
 */
final class RunLog implements AutoCloseable {

  private static final byte[] DROPPED =
      "[... earlier output dropped to keep the log small ...]\n".getBytes(StandardCharsets.UTF_8);

  private final Path file;
  private final long cap;
  private RandomAccessFile out;

  RunLog(Path file, long cap) throws IOException {
    this.file = file;
    this.cap = cap;
    Files.createDirectories(file.getParent());
    this.out = new RandomAccessFile(file.toFile(), "rw");
    out.setLength(0);
  }

  synchronized void append(byte[] bytes, int length) throws IOException {
    out.write(bytes, 0, length);
    if (out.length() > cap) {
      keepNewestHalf();
    }
  }

  synchronized void note(String line) throws IOException {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    append(bytes, bytes.length);
  }

  private void keepNewestHalf() throws IOException {
    long keep = cap / 2;
    byte[] tail = new byte[(int) keep];
    out.seek(out.length() - keep);
    out.readFully(tail);
    out.setLength(0);
    out.seek(0);
    out.write(DROPPED);
    out.write(tail);
  }

  static String read(Path file) throws IOException {
    // lenient: the cap may cut a character in two
    return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }

  Path file() {
    return file;
  }
}
