package com.bharatbuild.projects;

import com.bharatbuild.auth.CurrentUserId;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The files of a project, addressed by a {@code path} query parameter. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/files")
class FileController {

  private final FileService files;

  FileController(FileService files) {
    this.files = files;
  }

  @GetMapping(params = "!path")
  List<FileSummary> list(@CurrentUserId UUID userId, @PathVariable UUID projectId) {
    return files.list(userId, projectId);
  }

  @GetMapping(params = "path")
  FileView read(
      @CurrentUserId UUID userId, @PathVariable UUID projectId, @RequestParam String path) {
    return files.read(userId, projectId, FilePath.of(path));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  FileView create(
      @CurrentUserId UUID userId,
      @PathVariable UUID projectId,
      @Valid @RequestBody CreateFileRequest request) {
    return files.create(
        projectId, FilePath.of(request.path()), request.content(), FileChange.byUser(userId));
  }

  @PutMapping
  FileView write(
      @CurrentUserId UUID userId,
      @PathVariable UUID projectId,
      @Valid @RequestBody WriteFileRequest request) {
    return files.write(
        projectId,
        FilePath.of(request.path()),
        request.content(),
        request.expectedVersion(),
        FileChange.byUser(userId));
  }

  @DeleteMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@CurrentUserId UUID userId, @PathVariable UUID projectId, @RequestParam String path) {
    files.delete(projectId, FilePath.of(path), FileChange.byUser(userId));
  }
}
