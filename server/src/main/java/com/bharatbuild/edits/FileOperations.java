package com.bharatbuild.edits;

import com.bharatbuild.edits.OperationOutcome.Applied;
import com.bharatbuild.edits.OperationOutcome.Failed;
import com.bharatbuild.edits.engine.EditOutcome;
import com.bharatbuild.edits.engine.FileEdit;
import com.bharatbuild.edits.engine.HunkReport;
import com.bharatbuild.edits.engine.MatchKind;
import com.bharatbuild.edits.engine.Operation;
import com.bharatbuild.edits.engine.OperationHeader;
import com.bharatbuild.projects.FileChange;
import com.bharatbuild.projects.FilePath;
import com.bharatbuild.projects.FileService;
import com.bharatbuild.projects.FileView;
import com.bharatbuild.shared.web.ApiProblem;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Applies the AI's file operations to a project. The engine's {@link FileEdit} decides what an
 * operation does from the files it reads; this class checks the paths, writes the outcome through
 * {@link FileService} (a compare-and-set on the version it read, so a file the user saved meanwhile
 * is not overwritten) and records the AI message in the history. A bad operation changes nothing
 * and answers the reason.
 */
@Service
public class FileOperations {

  private final FileService files;
  private final EditMetrics metrics;

  FileOperations(FileService files, EditMetrics metrics) {
    this.files = files;
    this.metrics = metrics;
  }

  /** Applies one operation for the AI reply {@code messageId}; never throws for a bad operation. */
  public OperationOutcome apply(
      UUID userId, UUID projectId, UUID messageId, FileOperation operation) {
    FileChange change = FileChange.byAi(userId, messageId);
    Map<String, FileView> read = new HashMap<>();
    try {
      FilePath path = FilePath.of(operation.path());
      Optional<String> to =
          operation.to() == null || operation.to().isBlank()
              ? Optional.empty()
              : Optional.of(FilePath.of(operation.to()).value());
      Operation normalised =
          new Operation(
              new OperationHeader(0, operation.type(), path.value(), to),
              "",
              Optional.ofNullable(operation.diff()),
              Optional.ofNullable(operation.content()));
      EditOutcome outcome =
          FileEdit.apply(
              normalised,
              candidate ->
                  files
                      .find(userId, projectId, FilePath.of(candidate))
                      .map(
                          file -> {
                            read.put(file.path(), file);
                            return file.content();
                          }));
      OperationOutcome written = write(projectId, outcome, read, change);
      switch (written) {
        case Applied applied -> metrics.applied(operation.type());
        case Failed failed -> metrics.failed(operation.type(), reasonCode(outcome));
      }
      return written;
    } catch (ApiProblem refused) {
      // an invalid path, a file too large, a version conflict: the files stay as they were
      metrics.failed(operation.type(), problemCode(refused));
      return new Failed(refused.getMessage());
    }
  }

  /**
   * Counts an operation the answer ended inside of, which was never applied.
   *
   * @param type the operation's type as the model wrote it
   */
  public void truncated(String type) {
    metrics.failed(type, "truncated");
  }

  /** The engine's failure kind (no_match, ambiguous, …), or {@code rejected} for the rest. */
  private static String reasonCode(EditOutcome outcome) {
    return outcome instanceof EditOutcome.Rejected rejected && rejected.failure().isPresent()
        ? rejected.failure().get().kind().name()
        : "rejected";
  }

  private static String problemCode(ApiProblem problem) {
    Map<String, Object> properties = problem.getBody().getProperties();
    Object code = properties == null ? null : properties.get("code");
    return code == null ? "refused" : code.toString();
  }

  private static @Nullable Integer versionOf(Map<String, FileView> read, String path) {
    FileView file = read.get(path);
    return file == null ? null : file.version();
  }

  private OperationOutcome write(
      UUID projectId, EditOutcome outcome, Map<String, FileView> read, FileChange change) {
    return switch (outcome) {
      case EditOutcome.Written written -> {
        FileView before = read.get(written.path());
        FilePath path = FilePath.of(written.path());
        files.write(projectId, path, written.text(), versionOf(read, written.path()), change);
        yield new Applied(
            DisplayPatch.between(
                before == null ? "/dev/null" : written.path(),
                written.path(),
                before == null ? "" : before.content(),
                written.text()),
            written.note().orElse(placement(written)));
      }
      case EditOutcome.Deleted deleted -> {
        FileView before = read.get(deleted.path());
        files.delete(projectId, FilePath.of(deleted.path()), change);
        yield new Applied(
            DisplayPatch.between(deleted.path(), "/dev/null", before.content(), ""), null);
      }
      case EditOutcome.Renamed renamed -> {
        files.rename(projectId, FilePath.of(renamed.from()), FilePath.of(renamed.to()), change);
        yield new Applied(
            "rename from " + renamed.from() + "\nrename to " + renamed.to() + "\n",
            "Renamed to " + renamed.to());
      }
      case EditOutcome.Rejected rejected -> new Failed(rejected.reason());
    };
  }

  private static @Nullable String placement(EditOutcome.Written written) {
    if (written.hunks().stream().allMatch(hunk -> hunk.match() == MatchKind.EXACT)) {
      return null;
    }
    return "Applied with tolerance: "
        + written.hunks().stream()
            .filter(hunk -> hunk.match() != MatchKind.EXACT)
            .map(FileOperations::describe)
            .collect(Collectors.joining("; "));
  }

  private static String describe(HunkReport hunk) {
    return "hunk "
        + (hunk.index() + 1)
        + " "
        + hunk.match().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + " at line "
        + hunk.appliedLine();
  }
}
