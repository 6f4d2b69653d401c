package com.bharatbuild.edits.engine;

import com.bharatbuild.edits.engine.HunkLocator.Expectation;
import com.bharatbuild.edits.engine.HunkLocator.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Applies a unified diff to a file's text: every hunk, or none.
 *
 * <p>Each hunk is placed by the first of these that finds a place: its expected lines (context and
 * removed lines) exactly at the line the header states; exactly elsewhere; with trailing whitespace
 * ignored; with a uniform indentation shift (the added lines are shifted the same way); with blank
 * lines ignored (the model left out or added blank context lines). Places after the previous hunk
 * are searched before the rest of the file. When one level finds several places, the stated line
 * picks one only if a place starts exactly at it, or if the nearest place is at most {@value
 * HunkLocator#NEAR} lines from it and every other is more than {@value HunkLocator#NEAR} lines
 * farther; otherwise the hunk is ambiguous and the patch refused. The stated line is tried as
 * written and moved by the offset at which the previous numbered hunk was found, as models often
 * count from a stale version of the file.
 *
 * <p>Hunks may share unchanged context lines; a hunk that would change lines another hunk changes
 * is refused. Counts in the headers are never trusted.
 *
 * <p>The result keeps the file's text for every line the hunks matched (tolerant matches included),
 * each kept line's own ending (CRLF stays CRLF), and the file's final-newline state, unless a hunk
 * reaching the end of the file marks {@code \ No newline at end of file} on one side only.
 */
public final class PatchApplier {

  private PatchApplier() {}

  /**
   * Parses and applies a diff.
   *
   * @param text the file's current text, empty for a missing file; must not be null
   * @param diff the diff as the model wrote it; must not be null
   * @return {@link ApplyResult.Applied} with the new text, or {@link ApplyResult.Failed} (kind
   *     {@link FailureKind#MALFORMED_DIFF} when the diff cannot be parsed) and no new text
   */
  public static ApplyResult apply(String text, String diff) {
    Objects.requireNonNull(text, "text");
    Patch patch;
    try {
      patch = UnifiedDiffParser.parse(diff);
    } catch (PatchParseException malformed) {
      return new ApplyResult.Failed(
          FailureKind.MALFORMED_DIFF,
          malformed.getMessage(),
          OptionalInt.empty(),
          List.of(),
          Optional.empty());
    }
    return apply(text, patch);
  }

  /**
   * Applies a parsed patch.
   *
   * @param text the file's current text, empty for a missing file; must not be null
   * @param patch the patch; must not be null
   * @return {@link ApplyResult.Applied} with the new text, or {@link ApplyResult.Failed} naming the
   *     hunk that could not be placed, what it expected and the closest lines the file has
   */
  public static ApplyResult apply(String text, Patch patch) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(patch, "patch");
    TextLines file = TextLines.of(text);
    HunkLocator locator = new HunkLocator(file);
    List<Placement> placed = new ArrayList<>();
    List<HunkReport> reports = new ArrayList<>();
    List<Hunk> hunks = patch.hunks();
    int regionStart = 0;
    int drift = 0;
    for (int i = 0; i < hunks.size(); i++) {
      Hunk hunk = hunks.get(i);
      Expectation expected = expectation(hunk, drift);
      Location location = locator.locate(hunk, i, hunks.size(), expected, regionStart, placed);
      if (location instanceof Location.Refused(ApplyResult.Failed failure)) {
        return failure;
      }
      Placement placement = ((Location.Found) location).placement();
      MatchKind match = placement.match();
      if (match == MatchKind.EXACT
          && (expected.stated().isEmpty() || expected.stated().getAsInt() != placement.start())) {
        match = MatchKind.MOVED;
      }
      placed.add(placement);
      regionStart =
          placement.start() == placement.end() ? placement.start() : placement.start() + 1;
      if (expected.stated().isPresent() && match != MatchKind.INSERTION) {
        drift = placement.start() - expected.stated().getAsInt();
      }
      reports.add(
          new HunkReport(i, hunk.header(), match, hunk.statedOldStart(), placement.start() + 1));
    }
    PatchedText patched = new PatchedText(file, placed, hunks);
    return new ApplyResult.Applied(patched.text(), reports, patched.normalizedDiff());
  }

  private static Expectation expectation(Hunk hunk, int drift) {
    if (hunk.statedOldStart().isEmpty()) {
      return new Expectation(OptionalInt.empty(), List.of());
    }
    int stated = Math.max(0, hunk.statedOldStart().getAsInt() - 1);
    List<Integer> positions = drift == 0 ? List.of(stated) : List.of(stated, stated + drift);
    return new Expectation(OptionalInt.of(stated), positions);
  }
}
