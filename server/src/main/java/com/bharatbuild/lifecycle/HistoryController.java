package com.bharatbuild.lifecycle;

import com.bharatbuild.auth.CurrentUserId;
import com.bharatbuild.projects.ProjectService;
import com.bharatbuild.shared.web.ApiProblem;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A project's git history: its commits and what each changed. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/commits")
class HistoryController {

  private static final int LISTED = 200;

  private final ProjectService projects;
  private final ProjectHistory history;

  HistoryController(ProjectService projects, ProjectHistory history) {
    this.projects = projects;
    this.history = history;
  }

  @GetMapping
  List<CommitView> listCommits(@CurrentUserId UUID userId, @PathVariable UUID projectId) {
    projects.get(userId, projectId);
    return history.log(projectId, LISTED);
  }

  @GetMapping(path = "/{commitId}/diff", produces = MediaType.TEXT_PLAIN_VALUE)
  String getCommitDiff(
      @CurrentUserId UUID userId, @PathVariable UUID projectId, @PathVariable String commitId) {
    projects.get(userId, projectId);
    String diff = history.diff(projectId, commitId);
    if (diff == null) {
      throw new CommitNotFound();
    }
    return diff;
  }

  static final class CommitNotFound extends ApiProblem {
    CommitNotFound() {
      super(HttpStatus.NOT_FOUND, "commit-not-found", "Commit not found", "No such commit");
    }
  }
}
