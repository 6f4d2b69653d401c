package com.bharatbuild.edits.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each line of a file occurs, keyed by its text without leading and trailing whitespace, and
 * the file's non-blank lines in order. Every tolerant match keeps a line's stripped text, so the
 * rarest stripped line of a hunk bounds where the hunk can be.
 */
final class LineIndex {

  private static final int[] NONE = new int[0];

  private final Map<String, int[]> occurrences;
  private final int[] nonBlank;
  private final int[] nonBlankRank;

  LineIndex(TextLines file) {
    int size = file.size();
    Map<String, int[]> counted = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    String[] keys = new String[size];
    int nonBlankCount = 0;
    for (int i = 0; i < size; i++) {
      keys[i] = file.line(i).strip();
      if (!keys[i].isEmpty()) {
        counts.merge(keys[i], 1, Integer::sum);
        nonBlankCount++;
      }
    }
    counts.forEach((key, count) -> counted.put(key, new int[count + 1]));
    nonBlank = new int[nonBlankCount];
    nonBlankRank = new int[size];
    int rank = 0;
    for (int i = 0; i < size; i++) {
      if (keys[i].isEmpty()) {
        nonBlankRank[i] = -1;
        continue;
      }
      // slot 0 holds the fill count while building
      int[] slots = counted.get(keys[i]);
      slots[++slots[0]] = i;
      nonBlankRank[i] = rank;
      nonBlank[rank++] = i;
    }
    counted.replaceAll((key, slots) -> Arrays.copyOfRange(slots, 1, slots.length));
    occurrences = counted;
  }

  /** The lines (from 0, ascending) whose stripped text is {@code stripped}. */
  int[] occurrences(String stripped) {
    return occurrences.getOrDefault(stripped, NONE);
  }

  /** The file line of the {@code rank}-th non-blank line. */
  int nonBlankLine(int rank) {
    return nonBlank[rank];
  }

  int nonBlankCount() {
    return nonBlank.length;
  }

  /** The rank of a non-blank line among the non-blank lines, -1 for a blank line. */
  int rankOf(int line) {
    return nonBlankRank[line];
  }
}
