package com.bharatbuild.edits;

import com.bharatbuild.edits.OperationOutcome.Applied;
import com.bharatbuild.edits.OperationOutcome.Failed;
import com.bharatbuild.projects.FileChange;
import com.bharatbuild.projects.FilePath;
import com.bharatbuild.projects.FileService;
import com.bharatbuild.projects.FileView;
import com.bharatbuild.shared.web.ApiProblem;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Applies the AI's file operations to a project. Each operation changes its files completely or not
 * at all: a diff that cannot be placed, a path that breaks the rules, or a file the user changed
 * meanwhile leaves everything as it was and answers the reason.
 */
@Service
public class FileOperations {

  private final FileService files;
  private final DiffPatcher patcher;

  FileOperations(FileService files, DiffPatcher patcher) {
    this.files = files;
    this.patcher = patcher;
  }

  /** Applies one operation for the AI reply {@code messageId}; never throws for a bad operation. */
  public OperationOutcome apply(
      UUID userId, UUID projectId, UUID messageId, FileOperation operation) {
    FileChange change = FileChange.byAi(userId, messageId);
    try {
      FilePath path = FilePath.of(operation.path());
      Optional<FileView> current = files.find(userId, projectId, path);
      return switch (operation.type().toLowerCase(Locale.ROOT)) {
        case "create" -> create(projectId, path, current, operation, change);
        case "modify" -> modify(projectId, path, current, operation, change);
        case "delete" -> delete(projectId, path, current, change);
        case "rename" -> rename(userId, projectId, path, current, operation, change);
        default ->
            new Failed(
                "Unknown operation type '"
                    + operation.type()
                    + "'; use create, modify, delete or rename");
      };
    } catch (ApiProblem refused) {
      // an invalid path, a file too large, a version conflict: the file stays as it was
      return new Failed(refused.getMessage());
    }
  }

  private OperationOutcome create(
      UUID projectId,
      FilePath path,
      Optional<FileView> current,
      FileOperation operation,
      FileChange change) {
    String content;
    if (operation.content() != null) {
      content = operation.content();
    } else if (operation.diff() != null) {
      switch (patcher.apply("", operation.diff())) {
        case DiffPatcher.Patched patched -> content = patched.text();
        case DiffPatcher.Refused refused -> {
          return new Failed(refused.reason());
        }
      }
    } else {
      return new Failed("A create needs the whole file in <content>");
    }
    String before = current.map(FileView::content).orElse("");
    files.write(projectId, path, content, current.map(FileView::version).orElse(null), change);
    return new Applied(
        DisplayPatch.between(
            current.isPresent() ? path.value() : "/dev/null", path.value(), before, content),
        current.isPresent() ? "The file existed and was replaced as a whole" : null);
  }

  private OperationOutcome modify(
      UUID projectId,
      FilePath path,
      Optional<FileView> current,
      FileOperation operation,
      FileChange change) {
    if (current.isEmpty()) {
      if (operation.diff() != null && operation.diff().contains("--- /dev/null")) {
        return create(projectId, path, current, operation, change);
      }
      return new Failed("There is no file at " + path + " to modify; create it instead");
    }
    FileView file = current.get();
    String updated;
    String note = null;
    if (operation.diff() != null) {
      switch (patcher.apply(file.content(), operation.diff())) {
        case DiffPatcher.Patched patched -> {
          updated = patched.text();
          note = patched.placement();
        }
        case DiffPatcher.Refused refused -> {
          return new Failed(refused.reason());
        }
      }
    } else if (operation.content() != null) {
      updated = operation.content();
      note = "The whole file was replaced";
    } else {
      return new Failed("A modify needs a <diff> or the whole file in <content>");
    }
    files.write(projectId, path, updated, file.version(), change);
    return new Applied(DisplayPatch.between(path.value(), file.content(), updated), note);
  }

  private OperationOutcome delete(
      UUID projectId, FilePath path, Optional<FileView> current, FileChange change) {
    if (current.isEmpty()) {
      return new Failed("There is no file at " + path + " to delete");
    }
    files.delete(projectId, path, change);
    return new Applied(
        DisplayPatch.between(path.value(), "/dev/null", current.get().content(), ""), null);
  }

  private OperationOutcome rename(
      UUID userId,
      UUID projectId,
      FilePath path,
      Optional<FileView> current,
      FileOperation operation,
      FileChange change) {
    if (operation.to() == null || operation.to().isBlank()) {
      return new Failed("A rename needs the new path in the to attribute");
    }
    if (current.isEmpty()) {
      return new Failed("There is no file at " + path + " to rename");
    }
    FilePath target = FilePath.of(operation.to());
    if (files.find(userId, projectId, target).isPresent()) {
      return new Failed("Cannot rename to " + target + ": a file already exists there");
    }
    files.rename(projectId, path, target, change);
    return new Applied(
        "rename from " + path + "\nrename to " + target + "\n", "Renamed to " + target);
  }
}
