package com.bharatbuild.execution;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the port a dev server says it listens on in a line of its output. */
final class PortDetector {

  private static final Pattern URL =
      Pattern.compile(
          "https?://(?:localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1?\\]|\\[::\\]):(\\d{2,5})");
  private static final Pattern LISTENING =
      Pattern.compile(
          "(?i)(?:listening|running|started|server|serving)\\b[^\\n]{0,40}?\\bport\\s*[:=]?\\s*(\\d{2,5})");
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

  private PortDetector() {}

  static OptionalInt detect(String line) {
    String plain = ANSI.matcher(line).replaceAll("");
    for (Pattern pattern : new Pattern[] {URL, LISTENING}) {
      Matcher matcher = pattern.matcher(plain);
      if (matcher.find()) {
        int port = Integer.parseInt(matcher.group(1));
        if (port > 0 && port <= 65_535) {
          return OptionalInt.of(port);
        }
      }
    }
    return OptionalInt.empty();
  }
}
