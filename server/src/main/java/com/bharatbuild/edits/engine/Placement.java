package com.bharatbuild.edits.engine;

import java.util.List;

/**
 * Where one hunk goes and what it does there, in terms of the original file's lines.
 *
 * @param hunkIndex the hunk's position in the patch
 * @param start the first original line (from 0) of the hunk's window
 * @param end one past the window's last original line; equal to {@code start} for a pure insertion
 * @param steps what happens to each window line, with the inserted lines in between, in order
 * @param match how the window was found
 */
record Placement(int hunkIndex, int start, int end, List<Step> steps, MatchKind match) {

  /** One original line kept or deleted, or one new line inserted. */
  record Step(Type type, int fileLine, String text) {

    enum Type {
      KEEP,
      DELETE,
      INSERT
    }

    static Step keep(int fileLine) {
      return new Step(Type.KEEP, fileLine, "");
    }

    static Step delete(int fileLine) {
      return new Step(Type.DELETE, fileLine, "");
    }

    static Step insert(String text) {
      return new Step(Type.INSERT, -1, text);
    }
  }

  /**
   * Whether this placement and another can both apply. Hunks may share unchanged context lines
   * (models write neighbouring hunks whose context overlaps); they may not both touch a shared line
   * nor insert between shared lines, and the one starting later must reach further.
   */
  boolean compatibleWith(Placement other) {
    boolean thisFirst = start < other.start || start == other.start && end <= other.end;
    Placement first = thisFirst ? this : other;
    Placement second = thisFirst ? other : this;
    if (second.start >= first.end) {
      return true;
    }
    if (second.start == second.end || second.end <= first.end) {
      return false;
    }
    return first.onlyKeeps(second.start, first.end, Integer.MIN_VALUE, second.start)
        && second.onlyKeeps(second.start, first.end, first.end, Integer.MAX_VALUE);
  }

  /**
   * Whether every step on lines in [from, to) keeps its line, and every insertion lands at a line
   * position within [minInsert, maxInsert].
   */
  private boolean onlyKeeps(int from, int to, int minInsert, int maxInsert) {
    int next = end;
    for (int i = steps.size() - 1; i >= 0; i--) {
      Step step = steps.get(i);
      if (step.type() == Step.Type.INSERT) {
        if (next < minInsert || next > maxInsert) {
          return false;
        }
      } else {
        next = step.fileLine();
        if (next >= from && next < to && step.type() != Step.Type.KEEP) {
          return false;
        }
      }
    }
    return true;
  }
}
