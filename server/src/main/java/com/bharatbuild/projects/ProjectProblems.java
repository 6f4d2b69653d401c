package com.bharatbuild.projects;

import com.bharatbuild.shared.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The errors of the projects and files API, each with a static factory. */
public final class ProjectProblems {

  private ProjectProblems() {}

  public static final class ProjectNotFound extends ApiProblem {
    private ProjectNotFound() {
      super(HttpStatus.NOT_FOUND, "project-not-found", "Project not found", "No such project");
    }

    public static ProjectNotFound create() {
      return new ProjectNotFound();
    }
  }

  public static final class FileNotFound extends ApiProblem {
    private FileNotFound(String path) {
      super(HttpStatus.NOT_FOUND, "file-not-found", "File not found", "No file at " + path);
    }

    public static FileNotFound at(FilePath path) {
      return new FileNotFound(path.value());
    }
  }

  public static final class FileExists extends ApiProblem {
    private FileExists(String path) {
      super(
          HttpStatus.CONFLICT,
          "file-exists",
          "File already exists",
          "A file already exists at " + path + "; use PUT to replace it");
    }

    public static FileExists at(FilePath path) {
      return new FileExists(path.value());
    }
  }

  public static final class VersionConflict extends ApiProblem {
    private VersionConflict(String path, int expected, int actual) {
      super(
          HttpStatus.CONFLICT,
          "version-conflict",
          "Version conflict",
          "The file "
              + path
              + " is at version "
              + actual
              + ", not "
              + expected
              + "; reload it and apply your change again");
      getBody().setProperty("currentVersion", actual);
    }

    public static VersionConflict of(FilePath path, int expected, int actual) {
      return new VersionConflict(path.value(), expected, actual);
    }
  }

  public static final class FileTooLarge extends ApiProblem {
    private FileTooLarge(long size, long limit) {
      super(
          HttpStatus.CONTENT_TOO_LARGE,
          "file-too-large",
          "File too large",
          "The content is " + size + " bytes; the limit is " + limit + " bytes per file");
    }

    public static FileTooLarge of(long size, long limit) {
      return new FileTooLarge(size, limit);
    }
  }

  public static final class TooManyFiles extends ApiProblem {
    private TooManyFiles(int limit) {
      super(
          HttpStatus.CONTENT_TOO_LARGE,
          "too-many-files",
          "Too many files",
          "A project holds at most " + limit + " files");
    }

    public static TooManyFiles of(int limit) {
      return new TooManyFiles(limit);
    }
  }

  public static final class InvalidPath extends ApiProblem {
    private InvalidPath(String reason) {
      super(HttpStatus.BAD_REQUEST, "invalid-path", "Invalid file path", reason);
    }

    public static InvalidPath because(String reason) {
      return new InvalidPath(reason);
    }
  }

  public static final class TemplateNotFound extends ApiProblem {
    private TemplateNotFound(String id) {
      super(
          HttpStatus.BAD_REQUEST,
          "template-not-found",
          "No such template",
          "There is no template " + id + "; GET /api/v1/templates lists them");
    }

    public static TemplateNotFound of(String id) {
      return new TemplateNotFound(id);
    }
  }
}
