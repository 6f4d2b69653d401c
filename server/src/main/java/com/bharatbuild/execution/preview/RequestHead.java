package com.bharatbuild.execution.preview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The start of an HTTP/1.1 request as the preview listener reads it: enough to route and authorise
 * the connection; the bytes themselves are passed on unchanged.
 *
 * @param bytes everything read so far, the head and possibly the start of the body
 */
record RequestHead(
    String method, String target, String host, @Nullable String cookie, byte[] bytes) {

  static final int MAX_HEAD = 32 * 1024;

  /** Reads up to the blank line ending the head; empty when the connection ends first. */
  static Optional<RequestHead> read(InputStream in) throws IOException {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    byte[] buffer = new byte[4_096];
    int end = -1;
    while (end < 0) {
      int read = in.read(buffer);
      if (read == -1) {
        return Optional.empty();
      }
      seen.write(buffer, 0, read);
      end = headEnd(seen.toByteArray());
      if (end < 0 && seen.size() > MAX_HEAD) {
        throw new IOException("request head too large");
      }
    }
    byte[] bytes = seen.toByteArray();
    String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] requestLine = lines[0].split(" ");
    if (requestLine.length != 3) {
      throw new IOException("malformed request line");
    }
    String host = "";
    String cookie = null;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).strip();
      if (name.equals("host")) {
        host = value.toLowerCase(Locale.ROOT);
      } else if (name.equals("cookie")) {
        cookie = cookie == null ? value : cookie + "; " + value;
      }
    }
    return Optional.of(new RequestHead(requestLine[0], requestLine[1], host, cookie, bytes));
  }

  /** The value of a cookie sent with the request. */
  Optional<String> cookieValue(String name) {
    if (cookie == null) {
      return Optional.empty();
    }
    for (String pair : cookie.split(";")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).strip().equals(name)) {
        return Optional.of(pair.substring(equals + 1).strip());
      }
    }
    return Optional.empty();
  }

  /** The host without its port. */
  String hostName() {
    int colon = host.lastIndexOf(':');
    return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
  }

  private static int headEnd(byte[] bytes) {
    for (int i = 3; i < bytes.length; i++) {
      if (bytes[i - 3] == '\r'
          && bytes[i - 2] == '\n'
          && bytes[i - 1] == '\r'
          && bytes[i] == '\n') {
        return i - 3;
      }
    }
    return -1;
  }
}
