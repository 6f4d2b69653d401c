package com.bharatbuild.edits;

import org.jspecify.annotations.Nullable;

/** What applying one operation did. */
public sealed interface OperationOutcome {

  /**
   * The files changed.
   *
   * @param patch the change as a unified diff, for the diff view
   * @param note something the user should know, such as a create that replaced a file
   */
  record Applied(String patch, @Nullable String note) implements OperationOutcome {}

  /**
   * Nothing changed.
   *
   * @param reason what went wrong, for a person and for the model's corrected attempt
   */
  record Failed(String reason) implements OperationOutcome {}
}
