package com.bharatbuild.edits.engine;

import java.util.Objects;

/**
 * One line of a hunk, without its {@code ' '}, {@code '+'} or {@code '-'} prefix and without line
 * ending.
 *
 * @param kind what the line does; must not be null
 * @param text the line's text; must not be null
 */
public record HunkLine(Kind kind, String text) {

  /** What a hunk line does to the file. */
  public enum Kind {
    /** An unchanged line, present before and after. */
    CONTEXT,
    /** A line the hunk adds. */
    ADD,
    /** A line the hunk removes. */
    REMOVE
  }

  public HunkLine {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  /** Whether the line is part of the text the hunk expects to find (context or removed). */
  public boolean inPreimage() {
    return kind != Kind.ADD;
  }

  /** Whether the line is part of the text the hunk leaves behind (context or added). */
  public boolean inPostimage() {
    return kind != Kind.REMOVE;
  }
}
