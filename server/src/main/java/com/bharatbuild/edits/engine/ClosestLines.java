package com.bharatbuild.edits.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the lines of a file most like a hunk's expected lines, to show in a failure. Each expected
 * line that occurs in the file (whitespace aside) votes for the window it would put the hunk at;
 * the window with most votes wins, the one nearest an expected line among equals. When no line
 * occurs at all, the file line most like the first expected line (by shared character pairs) is
 * taken, or the window at the stated line.
 */
final class ClosestLines {

  /** Lines so common (braces, blank-ish lines) that their votes say nothing; skipped for speed. */
  private static final int MAX_OCCURRENCES = 1_000;

  private final TextLines file;
  private final LineIndex index;

  ClosestLines(TextLines file, LineIndex index) {
    this.file = file;
    this.index = index;
  }

  Optional<Excerpt> find(List<String> expected, List<Integer> positions) {
    if (file.size() == 0 || expected.isEmpty()) {
      return Optional.empty();
    }
    Map<Integer, Integer> votes = new HashMap<>();
    for (int k = 0; k < expected.size(); k++) {
      int[] lines = index.occurrences(expected.get(k).strip());
      if (expected.get(k).isBlank() || lines.length > MAX_OCCURRENCES) {
        continue;
      }
      for (int line : lines) {
        votes.merge(line - k, 1, Integer::sum);
      }
    }
    int start;
    if (!votes.isEmpty()) {
      start =
          votes.entrySet().stream()
              .max(
                  (a, b) ->
                      a.getValue().equals(b.getValue())
                          ? Integer.compare(
                              nearness(b.getKey(), positions), nearness(a.getKey(), positions))
                          : Integer.compare(a.getValue(), b.getValue()))
              .orElseThrow()
              .getKey();
    } else if (!positions.isEmpty()) {
      start = positions.getFirst();
    } else {
      start = mostLike(expected);
    }
    start = Math.clamp(start, 0, file.size() - 1);
    int end = Math.min(file.size(), start + expected.size());
    return Optional.of(new Excerpt(start + 1, file.lines().subList(start, end)));
  }

  private static int nearness(int start, List<Integer> positions) {
    return positions.stream().mapToInt(position -> Math.abs(start - position)).min().orElse(start);
  }

  /** Where the window would start if the first non-blank expected line were the most alike line. */
  private int mostLike(List<String> expected) {
    int k = 0;
    while (k < expected.size() - 1 && expected.get(k).isBlank()) {
      k++;
    }
    Set<Integer> wanted = pairs(expected.get(k));
    int best = 0;
    double bestScore = -1;
    for (int line = 0; line < file.size(); line++) {
      Set<Integer> have = pairs(file.line(line));
      Set<Integer> shared = new HashSet<>(have);
      shared.retainAll(wanted);
      int union = have.size() + wanted.size() - shared.size();
      double score = union == 0 ? 0 : (double) shared.size() / union;
      if (score > bestScore) {
        bestScore = score;
        best = line;
      }
    }
    return best - k;
  }

  private static Set<Integer> pairs(String line) {
    String text = line.strip();
    Set<Integer> pairs = new HashSet<>();
    for (int i = 0; i + 1 < text.length(); i++) {
      pairs.add(text.charAt(i) << 16 | text.charAt(i + 1));
    }
    return pairs;
  }
}
