package com.bharatbuild.edits.engine;

import com.bharatbuild.edits.engine.Placement.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Finds where one hunk goes in a file. The search runs through levels, from exact to tolerant, and
 * the first level that finds any place decides: exact text (at the expected line or elsewhere),
 * then trailing whitespace ignored, then a uniform indentation shift, then blank lines ignored.
 * Places after the previous hunk are searched first; only when none exists at any level is the rest
 * of the file searched.
 *
 * <p>When a level finds several places, the expected line picks one (see {@link #choose}); else the
 * hunk is refused as ambiguous. A place is only taken if it is compatible with the hunks already
 * placed (see {@link Placement#compatibleWith}).
 */
final class HunkLocator {

  /** How far (in lines) an expected line may be from a place and still pick it. */
  static final int NEAR = 5;

  private static final int MAX_LINES_SHOWN = 40;
  private static final int MAX_PLACES_LISTED = 5;

  private final TextLines file;
  private LineIndex index;

  HunkLocator(TextLines file) {
    this.file = file;
  }

  /** The outcome of locating one hunk. */
  sealed interface Location {

    record Found(Placement placement) implements Location {}

    record Refused(ApplyResult.Failed failure) implements Location {}
  }

  /**
   * Where the hunk's expected lines are thought to start.
   *
   * @param stated the line (from 0) the header states, if any
   * @param positions the stated line and the stated line moved by the drift of the previous hunks,
   *     without repeats; empty when the header has no number
   */
  record Expectation(OptionalInt stated, List<Integer> positions) {}

  Location locate(
      Hunk hunk,
      int hunkIndex,
      int hunkCount,
      Expectation expected,
      int regionStart,
      List<Placement> placed) {
    List<String> pre = hunk.preimage();
    if (pre.isEmpty()) {
      return insertion(hunk, hunkIndex, hunkCount, placed);
    }
    Predicate<Placement> fits = candidate -> placed.stream().allMatch(candidate::compatibleWith);
    Optional<Placement> quick = exactAtExpectedLine(hunk, hunkIndex, pre, expected, regionStart);
    if (quick.isPresent() && fits.test(quick.get())) {
      return new Location.Found(quick.get());
    }
    List<Placement> strict = strictCandidates(hunk, hunkIndex, pre);
    List<Placement> flexible = null;
    boolean clashed = false;
    List<Predicate<Placement>> regions =
        regionStart > 0
            ? List.of(candidate -> candidate.start() >= regionStart, candidate -> true)
            : List.of(candidate -> true);
    for (Predicate<Placement> region : regions) {
      for (MatchKind level :
          List.of(
              MatchKind.EXACT, MatchKind.WHITESPACE, MatchKind.REINDENTED, MatchKind.BLANK_LINES)) {
        List<Placement> pool;
        if (level == MatchKind.BLANK_LINES) {
          if (flexible == null) {
            flexible = flexibleCandidates(hunk, hunkIndex, pre);
          }
          pool = flexible;
        } else {
          pool = strict.stream().filter(candidate -> candidate.match() == level).toList();
        }
        List<Placement> inRegion = pool.stream().filter(region).toList();
        List<Placement> usable = inRegion.stream().filter(fits).toList();
        clashed |= usable.size() < inRegion.size();
        if (!usable.isEmpty()) {
          return choose(usable, hunk, hunkIndex, hunkCount, pre, expected);
        }
      }
    }
    if (clashed) {
      return refuse(
          FailureKind.OVERLAP,
          name(hunk, hunkIndex, hunkCount)
              + " matches only where it would change lines that an earlier hunk of this diff"
              + " changes, or lines between them. Merge hunks that touch the same lines into one.",
          hunkIndex,
          pre,
          closest(pre, expected));
    }
    Optional<Excerpt> closest = closest(pre, expected);
    StringBuilder reason =
        new StringBuilder(name(hunk, hunkIndex, hunkCount))
            .append(
                " does not match the file: its context and removed lines are not there, not even"
                    + " with whitespace, indentation or blank lines ignored.\nIt expects");
    expected.stated().ifPresent(line -> reason.append(" (at line ").append(line + 1).append(')'));
    reason.append(":\n").append(indented(pre));
    closest.ifPresentOrElse(
        excerpt ->
            reason
                .append("The most similar lines in the file are at line ")
                .append(excerpt.firstLine())
                .append(":\n")
                .append(excerpt.numbered()),
        () -> reason.append("The file is empty.\n"));
    reason.append(
        "Write the hunk against the file's actual lines, or send the whole file in <content>.");
    return refuse(FailureKind.NO_MATCH, reason.toString(), hunkIndex, pre, closest);
  }

  /** The common case, checked before any index is built: the text is exactly where stated. */
  private Optional<Placement> exactAtExpectedLine(
      Hunk hunk, int hunkIndex, List<String> pre, Expectation expected, int regionStart) {
    List<Placement> found = new ArrayList<>();
    for (int start : expected.positions()) {
      if (start >= regionStart && start + pre.size() <= file.size()) {
        Placement candidate = strictAt(hunk, hunkIndex, pre, start);
        if (candidate != null && candidate.match() == MatchKind.EXACT) {
          found.add(candidate);
        }
      }
    }
    return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
  }

  /**
   * Picks among places equally good. One place is taken as it is. Among several, the expected line
   * picks a place when one of them starts exactly at an expected line (and no other does), or when
   * the closest one is at most {@link #NEAR} lines from an expected line and every other is more
   * than {@link #NEAR} lines farther. Otherwise the hunk is ambiguous and refused.
   */
  private Location choose(
      List<Placement> candidates,
      Hunk hunk,
      int hunkIndex,
      int hunkCount,
      List<String> pre,
      Expectation expected) {
    if (candidates.size() == 1) {
      return new Location.Found(candidates.getFirst());
    }
    if (!expected.positions().isEmpty()) {
      List<Placement> byDistance =
          candidates.stream()
              .sorted(Comparator.comparingInt(candidate -> distance(candidate, expected)))
              .toList();
      int best = distance(byDistance.get(0), expected);
      int second = distance(byDistance.get(1), expected);
      if (best == 0 && second > 0 || best <= NEAR && second > best + NEAR) {
        return new Location.Found(byDistance.getFirst());
      }
    }
    List<String> lines =
        candidates.stream()
            .limit(MAX_PLACES_LISTED)
            .map(candidate -> String.valueOf(candidate.start() + 1))
            .toList();
    String where =
        String.join(", ", lines) + (candidates.size() > MAX_PLACES_LISTED ? " and more" : "");
    String because =
        expected.stated().isPresent()
            ? "its header's line number ("
                + (expected.stated().getAsInt() + 1)
                + ") is not"
                + " within "
                + NEAR
                + " lines of exactly one of them"
            : "its header has no line number to pick one";
    Placement first = candidates.getFirst();
    Excerpt shown =
        new Excerpt(first.start() + 1, file.lines().subList(first.start(), first.end()));
    return refuse(
        FailureKind.AMBIGUOUS,
        name(hunk, hunkIndex, hunkCount)
            + " matches equally well at lines "
            + where
            + ", and "
            + because
            + ". It expects:\n"
            + indented(pre)
            + "Add unchanged lines around the change that occur only at the intended place, or"
            + " correct the line number.",
        hunkIndex,
        pre,
        Optional.of(shown));
  }

  private static int distance(Placement candidate, Expectation expected) {
    return expected.positions().stream()
        .mapToInt(position -> Math.abs(candidate.start() - position))
        .min()
        .orElse(Integer.MAX_VALUE);
  }

  /** Places where the preimage matches line for line, exactly or up to whitespace. */
  private List<Placement> strictCandidates(Hunk hunk, int hunkIndex, List<String> pre) {
    int last = file.size() - pre.size();
    List<Placement> found = new ArrayList<>();
    int anchor = rarestNonBlank(pre);
    if (anchor == MISSING) {
      return found;
    }
    if (anchor == ALL_BLANK) {
      for (int start = 0; start <= last; start++) {
        addIfPresent(found, strictAt(hunk, hunkIndex, pre, start));
      }
      return found;
    }
    for (int line : index().occurrences(pre.get(anchor).strip())) {
      int start = line - anchor;
      if (start >= 0 && start <= last) {
        addIfPresent(found, strictAt(hunk, hunkIndex, pre, start));
      }
    }
    return found;
  }

  private static void addIfPresent(List<Placement> found, Placement candidate) {
    if (candidate != null) {
      found.add(candidate);
    }
  }

  /**
   * The preimage compared line for line at {@code start}: EXACT, WHITESPACE or REINDENTED, or null
   * when it does not match even with a uniform indentation shift.
   */
  private Placement strictAt(Hunk hunk, int hunkIndex, List<String> pre, int start) {
    boolean exact = true;
    boolean trailing = true;
    IndentShift.Tracker tracker = new IndentShift.Tracker();
    for (int k = 0; k < pre.size(); k++) {
      String expected = pre.get(k);
      String actual = file.line(start + k);
      if (exact && !expected.equals(actual)) {
        exact = false;
      }
      if (!exact && trailing && !expected.stripTrailing().equals(actual.stripTrailing())) {
        trailing = false;
      }
      if (!tracker.accept(expected, actual)) {
        return null;
      }
    }
    MatchKind kind =
        exact ? MatchKind.EXACT : trailing ? MatchKind.WHITESPACE : MatchKind.REINDENTED;
    IndentShift shift = kind == MatchKind.REINDENTED ? tracker.shift() : IndentShift.NONE;
    List<Step> steps = new ArrayList<>(hunk.lines().size());
    int cursor = start;
    for (HunkLine line : hunk.lines()) {
      switch (line.kind()) {
        case CONTEXT -> steps.add(Step.keep(cursor++));
        case REMOVE -> steps.add(Step.delete(cursor++));
        case ADD -> steps.add(Step.insert(shift.apply(line.text())));
      }
    }
    return new Placement(hunkIndex, start, start + pre.size(), steps, kind);
  }

  /**
   * Places where the preimage's non-blank lines are consecutive non-blank lines of the file, blank
   * lines on either side being ignored (indentation shift and trailing whitespace tolerated).
   */
  private List<Placement> flexibleCandidates(Hunk hunk, int hunkIndex, List<String> pre) {
    List<Placement> found = new ArrayList<>();
    List<Integer> nonBlank = new ArrayList<>();
    for (int k = 0; k < pre.size(); k++) {
      if (!pre.get(k).isBlank()) {
        nonBlank.add(k);
      }
    }
    int anchor = rarestNonBlank(pre);
    if (anchor < 0) {
      return found;
    }
    int anchorRank = nonBlank.indexOf(anchor);
    LineIndex lines = index();
    for (int line : lines.occurrences(pre.get(anchor).strip())) {
      int first = lines.rankOf(line) - anchorRank;
      if (first < 0 || first + nonBlank.size() > lines.nonBlankCount()) {
        continue;
      }
      IndentShift.Tracker tracker = new IndentShift.Tracker();
      boolean matches = true;
      int[] core = new int[nonBlank.size()];
      for (int t = 0; t < nonBlank.size() && matches; t++) {
        core[t] = lines.nonBlankLine(first + t);
        matches = tracker.accept(pre.get(nonBlank.get(t)), file.line(core[t]));
      }
      if (matches && !blankSideUnknown(hunk, core)) {
        found.add(flexiblePlacement(hunk, hunkIndex, core, tracker.shift()));
      }
    }
    return found;
  }

  /**
   * Whether the hunk adds lines between two matched lines that the file separates by more blank
   * lines than the hunk shows: the diff then does not say on which side of those blank lines the
   * new lines go, and a guess would put code in the wrong place. Such a place is not offered.
   */
  private boolean blankSideUnknown(Hunk hunk, int[] core) {
    List<HunkLine> lines = hunk.lines();
    int coreIndex = 0;
    int blanks = 0;
    boolean adds = false;
    for (HunkLine line : lines) {
      boolean coreLine = line.inPreimage() && !line.text().isBlank();
      if (!coreLine) {
        if (line.kind() == HunkLine.Kind.ADD) {
          adds = true;
        } else {
          blanks++;
        }
        continue;
      }
      if (coreIndex > 0 && adds) {
        int gap = core[coreIndex] - core[coreIndex - 1] - 1;
        if (gap > blanks) {
          return true;
        }
      }
      coreIndex++;
      blanks = 0;
      adds = false;
    }
    return false;
  }

  /**
   * Lays the hunk on the file around its matched non-blank lines. A blank hunk line pairs with a
   * blank file line where one is at hand; blank hunk lines the file lacks are dropped; blank file
   * lines the hunk lacks are kept, after any lines the hunk adds there (the model's view was that
   * its added lines follow the line before them).
   */
  private Placement flexiblePlacement(Hunk hunk, int hunkIndex, int[] core, IndentShift shift) {
    List<HunkLine> lines = hunk.lines();
    List<Step> steps = new ArrayList<>(lines.size() + 4);
    int segmentStart = 0;
    int coreIndex = 0;
    int start = core[0];
    int end = core[core.length - 1] + 1;
    for (int i = 0; i <= lines.size(); i++) {
      boolean coreLine =
          i < lines.size() && lines.get(i).inPreimage() && !lines.get(i).text().isBlank();
      if (!coreLine && i < lines.size()) {
        continue;
      }
      List<HunkLine> segment = lines.subList(segmentStart, i);
      int blanks = (int) segment.stream().filter(HunkLine::inPreimage).count();
      if (coreIndex == 0) {
        int available = 0;
        while (available < blanks
            && core[0] - available - 1 >= 0
            && file.line(core[0] - available - 1).isBlank()) {
          available++;
        }
        start = core[0] - available;
        layBlanks(segment, blanks - available, start, available, steps, shift);
      } else if (coreIndex == core.length) {
        int available = 0;
        while (available < blanks
            && end + available < file.size()
            && file.line(end + available).isBlank()) {
          available++;
        }
        layBlanks(segment, 0, end, available, steps, shift);
        end += available;
      } else {
        int from = core[coreIndex - 1] + 1;
        int gap = core[coreIndex] - from;
        int used = layBlanks(segment, 0, from, gap, steps, shift);
        for (int line = from + used; line < from + gap; line++) {
          steps.add(Step.keep(line));
        }
      }
      if (i < lines.size()) {
        int line = core[coreIndex++];
        steps.add(
            lines.get(i).kind() == HunkLine.Kind.CONTEXT ? Step.keep(line) : Step.delete(line));
      }
      segmentStart = i + 1;
    }
    return new Placement(hunkIndex, start, end, steps, MatchKind.BLANK_LINES);
  }

  /**
   * Lays a run of added and blank hunk lines on {@code available} blank file lines from {@code
   * from}: the first {@code skip} blank hunk lines are dropped, the next pair with file lines in
   * order, and any beyond are dropped. Returns how many file lines were used.
   */
  private static int layBlanks(
      List<HunkLine> segment,
      int skip,
      int from,
      int available,
      List<Step> steps,
      IndentShift shift) {
    int used = 0;
    int seen = 0;
    for (HunkLine line : segment) {
      if (line.kind() == HunkLine.Kind.ADD) {
        steps.add(Step.insert(shift.apply(line.text())));
      } else if (seen++ >= skip && used < available) {
        int fileLine = from + used++;
        steps.add(
            line.kind() == HunkLine.Kind.CONTEXT ? Step.keep(fileLine) : Step.delete(fileLine));
      }
    }
    return used;
  }

  private static final int ALL_BLANK = -1;
  private static final int MISSING = -2;

  /**
   * The preimage line (by position) whose stripped text occurs least often in the file, {@link
   * #ALL_BLANK} when every line is blank, {@link #MISSING} when some non-blank line occurs nowhere
   * (then no level can match).
   */
  private int rarestNonBlank(List<String> pre) {
    int best = ALL_BLANK;
    int fewest = Integer.MAX_VALUE;
    for (int k = 0; k < pre.size(); k++) {
      String stripped = pre.get(k).strip();
      if (stripped.isEmpty()) {
        continue;
      }
      int count = index().occurrences(stripped).length;
      if (count == 0) {
        return MISSING;
      }
      if (count < fewest) {
        fewest = count;
        best = k;
      }
    }
    return best;
  }

  /**
   * A hunk without expected lines cannot be checked against the file, so it is only placed where
   * its header's line number cannot be badly wrong: into an empty file, at the start, or at the
   * end.
   */
  private Location insertion(Hunk hunk, int hunkIndex, int hunkCount, List<Placement> placed) {
    int size = file.size();
    int position = -1;
    if (size == 0) {
      position = 0;
    } else if (hunk.statedOldStart().isPresent()) {
      int stated = hunk.statedOldStart().getAsInt();
      int at = hunk.statedOldCount().orElse(0) == 0 ? stated : stated - 1;
      position = at <= 0 ? 0 : at >= size ? size : -1;
    }
    if (position < 0) {
      return refuse(
          FailureKind.NO_CONTEXT,
          name(hunk, hunkIndex, hunkCount)
              + " has only added lines, so where they go cannot be checked. Include two or three"
              + " unchanged lines before and after the added lines, prefixed with a space.",
          hunkIndex,
          List.of(),
          Optional.empty());
    }
    List<Step> steps = hunk.lines().stream().map(line -> Step.insert(line.text())).toList();
    Placement placement = new Placement(hunkIndex, position, position, steps, MatchKind.INSERTION);
    if (!placed.stream().allMatch(placement::compatibleWith)) {
      return refuse(
          FailureKind.OVERLAP,
          name(hunk, hunkIndex, hunkCount)
              + " inserts lines inside the lines of an earlier hunk. Merge the two hunks.",
          hunkIndex,
          List.of(),
          Optional.empty());
    }
    return new Location.Found(placement);
  }

  private Optional<Excerpt> closest(List<String> pre, Expectation expected) {
    return new ClosestLines(file, index()).find(pre, expected.positions());
  }

  private LineIndex index() {
    if (index == null) {
      index = new LineIndex(file);
    }
    return index;
  }

  static String name(Hunk hunk, int hunkIndex, int hunkCount) {
    return "Hunk " + (hunkIndex + 1) + " of " + hunkCount + " (" + hunk.describe() + ")";
  }

  private static String indented(List<String> lines) {
    StringBuilder text = new StringBuilder();
    lines.stream()
        .limit(MAX_LINES_SHOWN)
        .forEach(line -> text.append("    ").append(line).append('\n'));
    if (lines.size() > MAX_LINES_SHOWN) {
      text.append("    (").append(lines.size() - MAX_LINES_SHOWN).append(" more lines)\n");
    }
    return text.toString();
  }

  private static Location refuse(
      FailureKind kind, String reason, int hunkIndex, List<String> pre, Optional<Excerpt> closest) {
    return new Location.Refused(
        new ApplyResult.Failed(kind, reason, OptionalInt.of(hunkIndex), pre, closest));
  }
}
