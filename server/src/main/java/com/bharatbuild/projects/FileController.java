package com.bharatbuild.projects;

import com.bharatbuild.auth.CurrentUserId;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

  /** One route for both reads, as the API contract has it: with {@code path} one file, else all. */
  @GetMapping
  @ApiResponse(
      responseCode = "200",
      description =
          "Without path: every file without content, sorted by path. With path: the file.",
      content =
          @Content(
              schema = @Schema(oneOf = {FileView.class, FileSummary[].class}),
              mediaType = "application/json"))
  Object listOrReadFiles(
      @CurrentUserId UUID userId,
      @PathVariable UUID projectId,
      @RequestParam(required = false) @Nullable String path) {
    return path == null
        ? files.list(userId, projectId)
        : files.read(userId, projectId, FilePath.of(path));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  FileView createFile(
      @CurrentUserId UUID userId,
      @PathVariable UUID projectId,
      @Valid @RequestBody CreateFileRequest request) {
    return files.create(
        projectId, FilePath.of(request.path()), request.content(), FileChange.byUser(userId));
  }

  @PutMapping
  FileView writeFile(
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

  /** 404 when {@code from} is missing, 409 when {@code to} is taken; nothing changes then. */
  @PostMapping("/rename")
  FileView renameFile(
      @CurrentUserId UUID userId,
      @PathVariable UUID projectId,
      @Valid @RequestBody RenameFileRequest request) {
    return files.rename(
        projectId,
        FilePath.of(request.from()),
        FilePath.of(request.to()),
        FileChange.byUser(userId));
  }

  @DeleteMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void deleteFile(
      @CurrentUserId UUID userId, @PathVariable UUID projectId, @RequestParam String path) {
    files.delete(projectId, FilePath.of(path), FileChange.byUser(userId));
  }
}
