package com.bharatbuild.edits.engine;

import com.bharatbuild.edits.engine.Placement.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the new text from the placed hunks, line endings and final newline included, and the
 * normalised diff of what changed.
 */
final class PatchedText {

  private static final int CONTEXT = 3;
  private static final String NO_NEWLINE = "\\ No newline at end of file\n";

  private final TextLines file;
  private final List<Step> script = new ArrayList<>();
  private final boolean oldFinalNewline;
  private final boolean newFinalNewline;
  private final List<String> lines = new ArrayList<>();
  private final List<String> endings = new ArrayList<>();

  /**
   * @param placements the placements, pairwise compatible, in any order
   * @param hunks the patch's hunks, for their {@code \ No newline} markers
   */
  PatchedText(TextLines file, List<Placement> placements, List<Hunk> hunks) {
    this.file = file;
    this.oldFinalNewline = file.endsWithNewline();
    boolean finalNewline = oldFinalNewline;
    for (Placement placement : placements) {
      Hunk hunk = hunks.get(placement.hunkIndex());
      // the markers speak only when the hunk reaches the end and old and new sides differ
      if (placement.end() == file.size()
          && hunk.oldMissingFinalNewline() != hunk.newMissingFinalNewline()) {
        finalNewline = !hunk.newMissingFinalNewline();
      }
    }
    this.newFinalNewline = finalNewline;
    buildScript(placements);
    buildLines();
  }

  /** One step per original line (kept or deleted) and per inserted line, in file order. */
  private void buildScript(List<Placement> placements) {
    List<Placement> ordered =
        placements.stream()
            .sorted(
                Comparator.comparingInt(Placement::start)
                    .thenComparingInt(Placement::end)
                    .thenComparingInt(Placement::hunkIndex))
            .toList();
    int next = 0;
    for (Placement placement : ordered) {
      while (next < placement.start()) {
        script.add(Step.keep(next++));
      }
      for (Step step : placement.steps()) {
        if (step.type() == Step.Type.INSERT) {
          script.add(step);
        } else if (step.fileLine() >= next) {
          // lines before `next` are context shared with an earlier hunk, already kept
          script.add(step);
          next = step.fileLine() + 1;
        }
      }
      next = Math.max(next, placement.end());
    }
    while (next < file.size()) {
      script.add(Step.keep(next++));
    }
  }

  /**
   * Kept lines keep their own ending; an inserted line takes the ending of the original line just
   * before it, so a file with mixed endings stays locally consistent.
   */
  private void buildLines() {
    String dominant = file.dominantEnding();
    String previous = dominant;
    for (Step step : script) {
      switch (step.type()) {
        case KEEP -> {
          lines.add(file.line(step.fileLine()));
          endings.add(file.endings().get(step.fileLine()));
          previous = nonEmpty(file.endings().get(step.fileLine()), previous);
        }
        case DELETE -> previous = nonEmpty(file.endings().get(step.fileLine()), previous);
        case INSERT -> {
          lines.add(step.text());
          endings.add(previous);
        }
      }
    }
    for (int i = 0; i < endings.size(); i++) {
      boolean last = i == endings.size() - 1;
      if (last && !newFinalNewline) {
        endings.set(i, "");
      } else if (endings.get(i).isEmpty()) {
        endings.set(i, previousEnding(i, dominant));
      }
    }
  }

  private String previousEnding(int line, String fallback) {
    for (int i = line - 1; i >= 0; i--) {
      if (!endings.get(i).isEmpty()) {
        return endings.get(i);
      }
    }
    return fallback;
  }

  private static String nonEmpty(String ending, String otherwise) {
    return ending.isEmpty() ? otherwise : ending;
  }

  String text() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      text.append(lines.get(i)).append(endings.get(i));
    }
    return text.toString();
  }

  /** The change as unified diff hunks with {@value #CONTEXT} lines of context and true numbers. */
  String normalizedDiff() {
    List<Row> rows = rows();
    StringBuilder diff = new StringBuilder();
    int i = 0;
    while (i < rows.size()) {
      if (rows.get(i).prefix() == ' ') {
        i++;
        continue;
      }
      int from = Math.max(0, i - CONTEXT);
      int to = i;
      int quiet = 0;
      while (to < rows.size() && quiet <= 2 * CONTEXT) {
        quiet = rows.get(to).prefix() == ' ' ? quiet + 1 : 0;
        to++;
      }
      to -= Math.max(0, quiet - CONTEXT);
      appendHunk(diff, rows, from, to);
      i = to;
    }
    return diff.toString();
  }

  private void appendHunk(StringBuilder diff, List<Row> rows, int from, int to) {
    int oldCount = 0;
    int newCount = 0;
    for (int r = from; r < to; r++) {
      oldCount += rows.get(r).prefix() != '+' ? 1 : 0;
      newCount += rows.get(r).prefix() != '-' ? 1 : 0;
    }
    Row first = rows.get(from);
    int oldStart = oldCount == 0 ? first.oldBefore() : first.oldBefore() + 1;
    int newStart = newCount == 0 ? first.newBefore() : first.newBefore() + 1;
    diff.append("@@ -")
        .append(oldStart)
        .append(',')
        .append(oldCount)
        .append(" +")
        .append(newStart)
        .append(',')
        .append(newCount)
        .append(" @@\n");
    for (int r = from; r < to; r++) {
      Row row = rows.get(r);
      diff.append(row.prefix()).append(row.text()).append('\n');
      if (row.noNewline()) {
        diff.append(NO_NEWLINE);
      }
    }
  }

  /**
   * @param oldBefore old lines before this row
   * @param newBefore new lines before this row
   * @param noNewline a {@code \ No newline} marker follows the row
   */
  private record Row(char prefix, String text, int oldBefore, int newBefore, boolean noNewline) {}

  private List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    int oldLast = oldFinalNewline ? -1 : file.size() - 1;
    int newLast = newFinalNewline ? -1 : lines.size() - 1;
    int oldLine = 0;
    int newLine = 0;
    for (Step step : script) {
      switch (step.type()) {
        case KEEP -> {
          String text = file.line(step.fileLine());
          boolean oldEnd = step.fileLine() == oldLast;
          boolean newEnd = newLine == newLast;
          if (oldEnd == newEnd) {
            rows.add(new Row(' ', text, oldLine, newLine, oldEnd));
          } else {
            // the final newline changes on this line: git shows it removed and added
            rows.add(new Row('-', text, oldLine, newLine, oldEnd));
            rows.add(new Row('+', text, oldLine + 1, newLine, newEnd));
          }
          oldLine++;
          newLine++;
        }
        case DELETE -> {
          rows.add(
              new Row(
                  '-', file.line(step.fileLine()), oldLine, newLine, step.fileLine() == oldLast));
          oldLine++;
        }
        case INSERT -> {
          rows.add(new Row('+', step.text(), oldLine, newLine, newLine == newLast));
          newLine++;
        }
      }
    }
    return rows;
  }
}
