package com.bharatbuild.edits.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed unified diff for one file.
 *
 * @param oldPath the path of the {@code ---} header with a leading {@code a/} and any timestamp
 *     removed, when the diff has the header; {@code /dev/null} for a file being created; must not
 *     be null
 * @param newPath the same for the {@code +++} header; {@code /dev/null} for a file being deleted;
 *     must not be null
 * @param hunks at least one hunk, each changing something, in the order written; must not be null
 */
public record Patch(Optional<String> oldPath, Optional<String> newPath, List<Hunk> hunks) {

  static final String DEV_NULL = "/dev/null";

  public Patch {
    Objects.requireNonNull(oldPath, "oldPath");
    Objects.requireNonNull(newPath, "newPath");
    hunks = List.copyOf(hunks);
  }

  /**
   * Whether the diff creates the file: its old side is {@code /dev/null}, or it has no headers and
   * its only hunk adds lines to nothing at {@code @@ -0,0}.
   */
  public boolean createsFile() {
    if (oldPath.isPresent()) {
      return oldPath.get().equals(DEV_NULL);
    }
    return hunks.size() == 1
        && hunks.getFirst().preimage().isEmpty()
        && hunks.getFirst().statedOldStart().orElse(-1) == 0;
  }

  /** Whether the diff deletes the file: its new side is {@code /dev/null}. */
  public boolean deletesFile() {
    return newPath.map(DEV_NULL::equals).orElse(false);
  }
}
