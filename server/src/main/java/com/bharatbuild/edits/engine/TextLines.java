package com.bharatbuild.edits.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A file's text as lines, each with its own line ending ({@code "\n"}, {@code "\r\n"}, or empty for
 * a last line without one), so that an edit can give every untouched line back byte for byte.
 */
record TextLines(List<String> lines, List<String> endings) {

  static TextLines of(String text) {
    List<String> lines = new ArrayList<>();
    List<String> endings = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      if (newline < 0) {
        lines.add(text.substring(start));
        endings.add("");
        break;
      }
      int end = newline > start && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
      lines.add(text.substring(start, end));
      endings.add(text.substring(end, newline + 1));
      start = newline + 1;
    }
    return new TextLines(List.copyOf(lines), List.copyOf(endings));
  }

  int size() {
    return lines.size();
  }

  String line(int index) {
    return lines.get(index);
  }

  /** An empty file counts as ending with a newline: lines added to it should end with one. */
  boolean endsWithNewline() {
    return lines.isEmpty() || !endings.getLast().isEmpty();
  }

  /** The ending most lines use; new lines get it where no neighbour tells otherwise. */
  String dominantEnding() {
    int crlf = 0;
    int lf = 0;
    for (String ending : endings) {
      if (ending.equals("\r\n")) {
        crlf++;
      } else if (ending.equals("\n")) {
        lf++;
      }
    }
    return crlf > lf ? "\r\n" : "\n";
  }
}
