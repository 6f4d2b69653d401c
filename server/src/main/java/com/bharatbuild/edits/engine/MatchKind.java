package com.bharatbuild.edits.engine;

/** How a hunk was placed on the file, from the most to the least certain. */
public enum MatchKind {
  /** The expected lines are exactly at the line the header states. */
  EXACT,
  /** The expected lines are exactly in the file, at another line (or the header has no number). */
  MOVED,
  /** The expected lines match once trailing whitespace is ignored. */
  WHITESPACE,
  /**
   * The expected lines match with a uniform indentation shift; the added lines were shifted the
   * same way.
   */
  REINDENTED,
  /**
   * The expected lines match once blank lines are ignored: the model left out or added blank
   * context lines (indentation and trailing whitespace tolerated as well).
   */
  BLANK_LINES,
  /**
   * A hunk without any expected line, placed at the start or the end of the file, or into an empty
   * file, as its header states.
   */
  INSERTION
}
