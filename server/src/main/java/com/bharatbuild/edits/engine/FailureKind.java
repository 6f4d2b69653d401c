package com.bharatbuild.edits.engine;

/** Why a patch was not applied. */
public enum FailureKind {
  /** The text is not a diff that can be applied. */
  MALFORMED_DIFF,
  /** A hunk's expected lines are nowhere in the file, even tolerantly. */
  NO_MATCH,
  /** A hunk matches equally well in several places and its line number picks none of them. */
  AMBIGUOUS,
  /** A hunk matches only where it would change lines an earlier hunk changes. */
  OVERLAP,
  /**
   * A hunk has no context or removed lines, so where it goes cannot be checked, and it is not at
   * the start or end of the file.
   */
  NO_CONTEXT
}
