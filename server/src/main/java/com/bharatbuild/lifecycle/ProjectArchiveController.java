package com.bharatbuild.lifecycle;

import com.bharatbuild.auth.CurrentUserId;
import com.bharatbuild.projects.FileChange;
import com.bharatbuild.projects.FilePath;
import com.bharatbuild.projects.FileService;
import com.bharatbuild.projects.FileView;
import com.bharatbuild.projects.ProjectRequest;
import com.bharatbuild.projects.ProjectService;
import com.bharatbuild.projects.ProjectView;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Bringing a project in as a zip or from a git repository, and taking it out as a zip. */
@RestController
@EnableConfigurationProperties(ImportProperties.class)
class ProjectArchiveController {

  private final ProjectService projects;
  private final FileService files;
  private final TransactionTemplate transactions;
  private final ZipImport imports;
  private final GitImport clones;

  ProjectArchiveController(
      ProjectService projects,
      FileService files,
      TransactionTemplate transactions,
      ImportProperties limits,
      GitThreads git) {
    this.projects = projects;
    this.files = files;
    this.transactions = transactions;
    this.imports = new ZipImport(limits);
    this.clones = new GitImport(limits, git);
  }

  /** Creates a project from a repository's branch at its head; a refused clone leaves nothing. */
  @PostMapping("/api/v1/projects/import/git")
  @ResponseStatus(HttpStatus.CREATED)
  ProjectView importRepository(
      @CurrentUserId UUID userId,
      @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody
          GitImportRequest request) {
    ZipImport.Contents contents = clones.clone(request);
    String projectName =
        request.name() == null || request.name().isBlank()
            ? repositoryName(request.url())
            : request.name().strip();
    return create(userId, projectName, contents);
  }

  private static String repositoryName(String url) {
    String name = url.strip().replaceAll("/+$", "").replaceAll(".*/", "").replaceAll("\\.git$", "");
    return name.isBlank() ? "Imported repository" : name.substring(0, Math.min(name.length(), 200));
  }

  private ProjectView create(UUID userId, String projectName, ZipImport.Contents contents) {
    return transactions.execute(
        status -> {
          ProjectView project =
              projects.create(userId, new ProjectRequest(projectName, null, null, null, null));
          FileChange change = FileChange.byUser(userId);
          contents
              .files()
              .forEach(
                  (path, content) ->
                      files.create(project.id(), FilePath.of(path), content, change));
          return project;
        });
  }

  /** Creates a project from an uploaded zip; a refused archive leaves nothing behind. */
  @PostMapping(path = "/api/v1/projects/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  ProjectView importProject(
      @CurrentUserId UUID userId,
      @RequestPart("file") MultipartFile file,
      @RequestParam(required = false) @Nullable String name) {
    ZipImport.Contents contents;
    Path upload = null;
    try {
      upload = Files.createTempFile("bharatbuild-import", ".zip");
      file.transferTo(upload);
      contents = imports.read(upload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(upload);
    }
    String projectName = name == null || name.isBlank() ? baseName(file) : name.strip();
    return create(userId, projectName, contents);
  }

  /** The project's files as a zip, streamed. */
  @GetMapping("/api/v1/projects/{projectId}/export")
  @ApiResponse(
      responseCode = "200",
      description = "The project's files as a zip archive",
      content =
          @Content(
              mediaType = "application/zip",
              schema = @Schema(type = "string", format = "binary")))
  ResponseEntity<StreamingResponseBody> exportProject(
      @CurrentUserId UUID userId, @PathVariable UUID projectId) {
    ProjectView project = projects.get(userId, projectId);
    List<FileView> snapshot = files.snapshot(userId, projectId);
    StreamingResponseBody body =
        out -> {
          try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (FileView view : snapshot) {
              ZipEntry entry = new ZipEntry(view.path());
              entry.setTime(view.updatedAt().toInstant().toEpochMilli());
              zip.putNextEntry(entry);
              zip.write(view.content().getBytes(StandardCharsets.UTF_8));
              zip.closeEntry();
            }
          }
        };
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(safeFileName(project.name()) + ".zip", StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(body);
  }

  private static String baseName(MultipartFile file) {
    String original = file.getOriginalFilename();
    if (original == null || original.isBlank()) {
      return "Imported project";
    }
    String name = original.replaceAll(".*[/\\\\]", "").replaceAll("(?i)\\.zip$", "").strip();
    return name.isEmpty() ? "Imported project" : name.substring(0, Math.min(name.length(), 200));
  }

  private static String safeFileName(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
    return safe.isEmpty() ? "project" : safe;
  }

  private static void deleteQuietly(@Nullable Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // a temporary file; the system cleans its folder
      }
    }
  }
}
