package com.bharatbuild.edits.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the unified diff of a set of edits, the way {@code diff -u} would: independent of the
 * engine's own diff writer, so that the properties test the engine against a second opinion.
 */
final class DiffGenerator {

  /**
   * Replaces {@code removeCount} lines from {@code start} (from 0) with {@code added}.
   *
   * @param start where the edit starts in the old file
   */
  record Edit(int start, int removeCount, List<String> added) {}

  /** The old file with the edits applied; edits sorted, not overlapping, not touching. */
  static List<String> applied(List<String> old, List<Edit> edits) {
    List<String> result = new ArrayList<>();
    int next = 0;
    for (Edit edit : edits) {
      result.addAll(old.subList(next, edit.start()));
      result.addAll(edit.added());
      next = edit.start() + edit.removeCount();
    }
    result.addAll(old.subList(next, old.size()));
    return result;
  }

  /** One hunk per group of edits whose context would touch, with {@code context} lines around. */
  static String diff(List<String> old, List<Edit> edits, int context) {
    StringBuilder diff = new StringBuilder("--- a/file.txt\n+++ b/file.txt\n");
    int delta = 0;
    int i = 0;
    while (i < edits.size()) {
      int j = i;
      while (j + 1 < edits.size()
          && edits.get(j + 1).start() - (edits.get(j).start() + edits.get(j).removeCount())
              <= 2 * context) {
        j++;
      }
      Edit first = edits.get(i);
      Edit last = edits.get(j);
      int from = Math.max(0, first.start() - context);
      int to = Math.min(old.size(), last.start() + last.removeCount() + context);
      StringBuilder body = new StringBuilder();
      int oldCount = 0;
      int newCount = 0;
      int line = from;
      for (int e = i; e <= j; e++) {
        Edit edit = edits.get(e);
        for (; line < edit.start(); line++, oldCount++, newCount++) {
          body.append(' ').append(old.get(line)).append('\n');
        }
        for (int r = 0; r < edit.removeCount(); r++, line++, oldCount++) {
          body.append('-').append(old.get(line)).append('\n');
        }
        for (String added : edit.added()) {
          body.append('+').append(added).append('\n');
          newCount++;
        }
      }
      for (; line < to; line++, oldCount++, newCount++) {
        body.append(' ').append(old.get(line)).append('\n');
      }
      int oldStart = oldCount == 0 ? from : from + 1;
      int newStart = (newCount == 0 ? from : from + 1) + delta;
      diff.append("@@ -")
          .append(oldStart)
          .append(',')
          .append(oldCount)
          .append(" +")
          .append(newStart)
          .append(',')
          .append(newCount)
          .append(" @@\n")
          .append(body);
      delta += newCount - oldCount;
      i = j + 1;
    }
    return diff.toString();
  }

  static String text(List<String> lines, String ending) {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append(ending));
    return text.toString();
  }

  private DiffGenerator() {}
}
