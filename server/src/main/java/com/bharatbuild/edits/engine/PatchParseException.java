package com.bharatbuild.edits.engine;

/**
 * The text is not a unified diff that can be applied; the message says why, for a person or model.
 */
public final class PatchParseException extends Exception {

  private static final long serialVersionUID = 1L;

  public PatchParseException(String reason) {
    super(reason);
  }
}
