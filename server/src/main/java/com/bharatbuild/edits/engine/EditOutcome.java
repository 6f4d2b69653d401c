package com.bharatbuild.edits.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one operation does to the project's files, decided by {@link FileEdit}; nothing is written.
 */
public sealed interface EditOutcome {

  /** How a written file came about. */
  enum Change {
    /** The file did not exist and now does. */
    CREATED,
    /** The file existed and its whole text was replaced. */
    REPLACED,
    /** The file existed and a diff was applied to it. */
    PATCHED
  }

  /**
   * Write {@code text} to {@code path}.
   *
   * @param path the operation's path; must not be null
   * @param text the file's whole new text; must not be null
   * @param change how the text came about; must not be null
   * @param hunks how each hunk was placed, when a diff was applied; must not be null
   * @param note what the user should know (a create that replaced a file, a diff that needed
   *     tolerance, a diff that failed and was replaced by the operation's content); must not be
   *     null
   */
  record Written(
      String path, String text, Change change, List<HunkReport> hunks, Optional<String> note)
      implements EditOutcome {

    public Written {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(change, "change");
      hunks = List.copyOf(hunks);
      Objects.requireNonNull(note, "note");
    }
  }

  /**
   * Delete the file at {@code path}.
   *
   * @param path the operation's path; must not be null
   */
  record Deleted(String path) implements EditOutcome {

    public Deleted {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * Move the file from {@code from} to {@code to}, with {@code text} as its text there (the old
   * text, or the text after the operation's diff or content).
   */
  record Renamed(String from, String to, String text) implements EditOutcome {

    public Renamed {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * Change nothing.
   *
   * @param path the operation's path, as written; must not be null
   * @param reason why, for the user and for a corrected attempt by the model; must not be null
   * @param failure the diff's failure with its expected and closest lines, when a diff failed; must
   *     not be null
   */
  record Rejected(String path, String reason, Optional<ApplyResult.Failed> failure)
      implements EditOutcome {

    public Rejected {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(failure, "failure");
    }
  }
}
