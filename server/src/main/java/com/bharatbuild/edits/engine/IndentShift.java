package com.bharatbuild.edits.engine;

/**
 * A uniform difference in indentation between a hunk and the file: the file's lines carry {@code
 * prefix} more leading whitespace ({@code fileDeeper}) or less than the hunk's.
 */
record IndentShift(String prefix, boolean fileDeeper) {

  static final IndentShift NONE = new IndentShift("", true);

  static IndentShift of(String prefix, boolean fileDeeper) {
    return prefix.isEmpty() ? NONE : new IndentShift(prefix, fileDeeper);
  }

  /**
   * Moves an added line by the same shift. A line shallower than a removed indentation loses only
   * the whitespace it has: the model's intent for it is unclear and its text is kept whole.
   */
  String apply(String added) {
    if (prefix.isEmpty() || added.isBlank()) {
      return added;
    }
    if (fileDeeper) {
      return prefix + added;
    }
    return added.startsWith(prefix) ? added.substring(prefix.length()) : added.stripLeading();
  }

  /** Learns one shift from pairs of lines and answers whether every pair agrees with it. */
  static final class Tracker {

    private IndentShift shift;

    /** Whether the file line is the hunk line up to trailing whitespace and the common shift. */
    boolean accept(String hunkLine, String fileLine) {
      boolean hunkBlank = hunkLine.isBlank();
      boolean fileBlank = fileLine.isBlank();
      if (hunkBlank || fileBlank) {
        return hunkBlank == fileBlank;
      }
      int hunkIndent = indentLength(hunkLine);
      int fileIndent = indentLength(fileLine);
      if (!hunkLine
          .substring(hunkIndent)
          .stripTrailing()
          .equals(fileLine.substring(fileIndent).stripTrailing())) {
        return false;
      }
      String hunkPrefix = hunkLine.substring(0, hunkIndent);
      String filePrefix = fileLine.substring(0, fileIndent);
      IndentShift pair;
      if (filePrefix.endsWith(hunkPrefix)) {
        pair = of(filePrefix.substring(0, fileIndent - hunkIndent), true);
      } else if (hunkPrefix.endsWith(filePrefix)) {
        pair = of(hunkPrefix.substring(0, hunkIndent - fileIndent), false);
      } else {
        return false;
      }
      if (shift == null) {
        shift = pair;
        return true;
      }
      return shift.equals(pair);
    }

    IndentShift shift() {
      return shift == null ? NONE : shift;
    }

    private static int indentLength(String line) {
      int i = 0;
      while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
        i++;
      }
      return i;
    }
  }
}
