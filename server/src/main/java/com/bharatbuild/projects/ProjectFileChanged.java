package com.bharatbuild.projects;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A file of a project was created, changed or deleted, published inside the writing transaction.
 * Listeners that act outside the database (the workspace on disk, open tabs) should listen after
 * commit, so a rolled-back edit is never seen.
 *
 * @param content the new text, or null when the file was deleted
 * @param version the version the change produced
 */
public record ProjectFileChanged(
    UUID projectId,
    UUID userId,
    String path,
    @Nullable String content,
    int version,
    FileChange.Author by) {

  public boolean deleted() {
    return content == null;
  }
}
