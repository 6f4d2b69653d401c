package com.bharatbuild.edits.engine;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides what one operation does to the files, as a pure function: the caller reads the files it
 * needs through a {@link FileLookup} and writes the {@link EditOutcome}.
 *
 * <ul>
 *   <li>{@code create} writes its {@code <content>} (or the new side of a diff from {@code
 *       /dev/null}); on an existing file that is a whole replacement, noted in the outcome.
 *   <li>{@code modify} applies its {@code <diff>}, all hunks or none. A diff from {@code /dev/null}
 *       creates a missing file and replaces an existing one whole; a diff to {@code /dev/null}
 *       deletes the file if it removes every line. Without a diff, or when the diff fails and the
 *       operation also carries {@code <content>}, the content replaces the file. A diff on a
 *       missing file is rejected.
 *   <li>{@code delete} removes an existing file; a missing one is rejected.
 *   <li>{@code rename} moves an existing file to {@code to}, which must not exist; a diff or
 *       content it carries applies to the moved file.
 * </ul>
 */
public final class FileEdit {

  /** Reads a file of the project as it is now. */
  @FunctionalInterface
  public interface FileLookup {

    /**
     * @param path a path as the operation wrote it; never null
     * @return the file's text, or empty when there is no file at {@code path}
     */
    Optional<String> read(String path);
  }

  private FileEdit() {}

  /**
   * @param operation the operation; must not be null
   * @param files the project's files; must not be null
   * @return what to do; never null, never throws for a bad operation
   */
  public static EditOutcome apply(Operation operation, FileLookup files) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(files, "files");
    String path = operation.header().path().strip();
    if (path.isEmpty()) {
      return rejected(path, "The operation has no path attribute");
    }
    Optional<String> current = files.read(path);
    String type = operation.header().type().strip().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "create" -> create(path, current, operation);
      case "modify" -> modify(path, current, operation);
      case "delete" ->
          current.isPresent()
              ? new EditOutcome.Deleted(path)
              : rejected(path, "There is no file at " + path + " to delete");
      case "rename" -> rename(path, current, operation, files);
      default ->
          rejected(
              path,
              "Unknown operation type '"
                  + operation.header().type()
                  + "'; use create, modify, delete or rename");
    };
  }

  private static EditOutcome create(String path, Optional<String> current, Operation operation) {
    if (operation.content().isPresent()) {
      return whole(path, current, operation.content().get(), "The file already existed");
    }
    if (operation.diff().isEmpty()) {
      return rejected(path, "A create needs the whole file in <content>");
    }
    Patch patch;
    try {
      patch = UnifiedDiffParser.parse(operation.diff().get());
    } catch (PatchParseException malformed) {
      return rejected(path, "The diff cannot be read: " + malformed.getMessage());
    }
    if (current.isPresent() && !patch.createsFile()) {
      return patch(path, current.get(), patch, operation);
    }
    return fromNothing(path, current, patch);
  }

  private static EditOutcome modify(String path, Optional<String> current, Operation operation) {
    if (operation.diff().isEmpty()) {
      if (operation.content().isEmpty()) {
        return rejected(path, "A modify needs a <diff>, or the whole new file in <content>");
      }
      return whole(path, current, operation.content().get(), "The whole file was replaced");
    }
    Patch patch;
    try {
      patch = UnifiedDiffParser.parse(operation.diff().get());
    } catch (PatchParseException malformed) {
      return operation
          .content()
          .<EditOutcome>map(
              content ->
                  whole(
                      path,
                      current,
                      content,
                      "The diff could not be read ("
                          + malformed.getMessage()
                          + "); the <content>"
                          + " was used"))
          .orElseGet(() -> rejected(path, "The diff cannot be read: " + malformed.getMessage()));
    }
    if (current.isEmpty()) {
      if (patch.createsFile()) {
        return fromNothing(path, current, patch);
      }
      return rejected(
          path, "There is no file at " + path + " to modify; create it with its whole content");
    }
    if (patch.createsFile()) {
      return fromNothing(path, current, patch);
    }
    return patch(path, current.get(), patch, operation);
  }

  private static EditOutcome rename(
      String path, Optional<String> current, Operation operation, FileLookup files) {
    String to = operation.header().to().map(String::strip).orElse("");
    if (to.isEmpty()) {
      return rejected(path, "A rename needs the new path in its to attribute");
    }
    if (current.isEmpty()) {
      return rejected(path, "There is no file at " + path + " to rename");
    }
    if (to.equals(path) || files.read(to).isPresent()) {
      return rejected(
          path, "Cannot rename " + path + " to " + to + ": a file already exists there");
    }
    String text = current.get();
    if (operation.diff().isPresent()) {
      ApplyResult result = PatchApplier.apply(text, operation.diff().get());
      switch (result) {
        case ApplyResult.Applied applied -> text = applied.newText();
        case ApplyResult.Failed failed -> {
          return new EditOutcome.Rejected(path, failed.reason(), Optional.of(failed));
        }
      }
    } else if (operation.content().isPresent()) {
      text = operation.content().get();
    }
    return new EditOutcome.Renamed(path, to, text);
  }

  private static EditOutcome patch(String path, String text, Patch patch, Operation operation) {
    switch (PatchApplier.apply(text, patch)) {
      case ApplyResult.Applied applied -> {
        if (patch.deletesFile()) {
          if (applied.newText().isEmpty()) {
            return new EditOutcome.Deleted(path);
          }
          return rejected(
              path,
              "The diff deletes "
                  + path
                  + " (+++ /dev/null) but leaves lines in it; send a delete operation instead");
        }
        return new EditOutcome.Written(
            path,
            applied.newText(),
            EditOutcome.Change.PATCHED,
            applied.hunks(),
            tolerance(applied.hunks()));
      }
      case ApplyResult.Failed failed -> {
        if (operation.content().isPresent()) {
          return new EditOutcome.Written(
              path,
              operation.content().get(),
              EditOutcome.Change.REPLACED,
              List.of(),
              Optional.of(
                  "The diff did not apply (" + failed.reason() + "); the <content> was used"));
        }
        return new EditOutcome.Rejected(path, failed.reason(), Optional.of(failed));
      }
    }
  }

  /** A diff from /dev/null: its new side is the whole file, whatever was there. */
  private static EditOutcome fromNothing(String path, Optional<String> current, Patch patch) {
    return switch (PatchApplier.apply("", patch)) {
      case ApplyResult.Applied applied ->
          current.isPresent()
              ? new EditOutcome.Written(
                  path,
                  applied.newText(),
                  EditOutcome.Change.REPLACED,
                  applied.hunks(),
                  Optional.of(
                      "The diff creates the file, which already existed; its whole text was"
                          + " replaced"))
              : new EditOutcome.Written(
                  path,
                  applied.newText(),
                  EditOutcome.Change.CREATED,
                  applied.hunks(),
                  Optional.empty());
      case ApplyResult.Failed failed ->
          new EditOutcome.Rejected(path, failed.reason(), Optional.of(failed));
    };
  }

  private static EditOutcome whole(
      String path, Optional<String> current, String content, String noteIfExisting) {
    return current.isPresent()
        ? new EditOutcome.Written(
            path, content, EditOutcome.Change.REPLACED, List.of(), Optional.of(noteIfExisting))
        : new EditOutcome.Written(
            path, content, EditOutcome.Change.CREATED, List.of(), Optional.empty());
  }

  private static Optional<String> tolerance(List<HunkReport> hunks) {
    List<HunkReport> tolerated =
        hunks.stream().filter(hunk -> hunk.match() != MatchKind.EXACT).toList();
    if (tolerated.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        tolerated.stream()
            .map(
                hunk ->
                    "hunk "
                        + (hunk.index() + 1)
                        + " "
                        + hunk.match().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " at line "
                        + hunk.appliedLine())
            .collect(Collectors.joining("; ", "Placed tolerantly: ", "")));
  }

  private static EditOutcome rejected(String path, String reason) {
    return new EditOutcome.Rejected(path, reason, Optional.empty());
  }
}
