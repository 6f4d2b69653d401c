package com.bharatbuild.edits.engine;

import java.util.List;

/**
 * Consecutive lines of a file.
 *
 * @param firstLine the number of the first line, from 1
 * @param lines the lines' text without line endings; must not be null
 */
public record Excerpt(int firstLine, List<String> lines) {

  public Excerpt {
    lines = List.copyOf(lines);
  }

  /** The lines numbered like an editor's gutter, one per line, for messages. */
  public String numbered() {
    StringBuilder text = new StringBuilder();
    int width = String.valueOf(firstLine + Math.max(0, lines.size() - 1)).length();
    for (int i = 0; i < lines.size(); i++) {
      String number = String.valueOf(firstLine + i);
      text.append(" ".repeat(width - number.length())).append(number).append(" | ");
      text.append(lines.get(i)).append('\n');
    }
    return text.toString();
  }
}
