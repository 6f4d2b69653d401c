package com.bharatbuild.execution;

import com.bharatbuild.shared.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The errors of runs, terminals and previews. */
final class ExecutionProblems {

  private ExecutionProblems() {}

  static final class RunNotFound extends ApiProblem {
    RunNotFound() {
      super(HttpStatus.NOT_FOUND, "run-not-found", "Run not found", "No such run in this project");
    }
  }

  static final class BadRunRequest extends ApiProblem {
    BadRunRequest(String detail) {
      super(HttpStatus.BAD_REQUEST, "bad-run-request", "Invalid run", detail);
    }
  }

  static final class NothingToRun extends ApiProblem {
    NothingToRun() {
      super(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "nothing-to-run",
          "Cannot tell how to run this project",
          "Add a package.json with a \"dev\" or \"start\" script, a main.py or app.py, a pom.xml"
              + " or a build.gradle, or run a command instead");
    }
  }

  static final class TooManyRuns extends ApiProblem {
    TooManyRuns(int limit) {
      super(
          HttpStatus.TOO_MANY_REQUESTS,
          "too-many-runs",
          "Too many runs",
          "This project already has " + limit + " commands running; stop one first");
    }
  }

  static final class NoPreview extends ApiProblem {
    NoPreview() {
      super(
          HttpStatus.CONFLICT,
          "no-preview",
          "Nothing to preview",
          "No dev server is running in this project; start one with Run");
    }
  }
}
