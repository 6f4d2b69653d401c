package com.bharatbuild.edits.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** The outcome of applying a patch: every hunk applied, or nothing. */
public sealed interface ApplyResult {

  /**
   * Every hunk was placed.
   *
   * @param newText the file's new text, with the file's own line endings; must not be null
   * @param hunks how each hunk was placed, in patch order; must not be null
   * @param normalizedDiff the change actually made, as hunks with true line numbers and the file's
   *     own context lines, without {@code ---}/{@code +++} headers; applies exactly to the original
   *     text; must not be null
   */
  record Applied(String newText, List<HunkReport> hunks, String normalizedDiff)
      implements ApplyResult {

    public Applied {
      Objects.requireNonNull(newText, "newText");
      hunks = List.copyOf(hunks);
      Objects.requireNonNull(normalizedDiff, "normalizedDiff");
    }

    /** Whether any hunk needed more than an exact match at its stated line. */
    public boolean tolerated() {
      return hunks.stream().anyMatch(hunk -> hunk.match() != MatchKind.EXACT);
    }
  }

  /**
   * Nothing was applied; the caller keeps the file as it was.
   *
   * @param kind the class of failure; must not be null
   * @param reason a message a person or the model can act on: which hunk, what it expected and what
   *     the file has instead; must not be null
   * @param hunkIndex the hunk that could not be placed (from 0), empty when the failure is about
   *     the diff as a whole; must not be null
   * @param expected the lines that hunk expected to find (context and removed lines); must not be
   *     null
   * @param closest the lines of the file most like them, when the file has any; must not be null
   */
  record Failed(
      FailureKind kind,
      String reason,
      OptionalInt hunkIndex,
      List<String> expected,
      Optional<Excerpt> closest)
      implements ApplyResult {

    public Failed {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(hunkIndex, "hunkIndex");
      expected = List.copyOf(expected);
      Objects.requireNonNull(closest, "closest");
    }
  }
}
