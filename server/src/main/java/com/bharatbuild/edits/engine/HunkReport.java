package com.bharatbuild.edits.engine;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Where and how one hunk was applied.
 *
 * @param index the hunk's position in the patch, from 0
 * @param header the hunk's {@code @@} line as written, empty when it had none; must not be null
 * @param match how the hunk was matched; must not be null
 * @param statedLine the old-side start line the header states, when it states one; must not be null
 * @param appliedLine the line of the original file (from 1) where the hunk's expected lines start;
 *     for a hunk without expected lines, the line it was inserted before
 */
public record HunkReport(
    int index, String header, MatchKind match, OptionalInt statedLine, int appliedLine) {

  public HunkReport {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(statedLine, "statedLine");
  }
}
