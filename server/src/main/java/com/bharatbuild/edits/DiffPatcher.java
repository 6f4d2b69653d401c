package com.bharatbuild.edits;

/** Places a unified diff on a file's text: all of it or nothing. */
interface DiffPatcher {

  /** The outcome of placing one diff. */
  sealed interface Result {}

  record Patched(String text, String placement) implements Result {}

  record Refused(String reason) implements Result {}

  /**
   * @param original the file's current text, empty for a file being created
   * @param diff the diff as the model wrote it
   */
  Result apply(String original, String diff);
}
