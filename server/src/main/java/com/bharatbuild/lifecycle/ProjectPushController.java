package com.bharatbuild.lifecycle;

import com.bharatbuild.auth.CurrentUserId;
import com.bharatbuild.lifecycle.ProjectHistory.Author;
import com.bharatbuild.projects.ProjectService;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Takes a project's history out to a git remote of the user's choosing. */
@RestController
class ProjectPushController {

  private final ProjectService projects;
  private final ProjectHistory history;
  private final ImportProperties limits;

  ProjectPushController(ProjectService projects, ProjectHistory history, ImportProperties limits) {
    this.projects = projects;
    this.history = history;
    this.limits = limits;
  }

  /** Records the current files as a commit (when they changed) and pushes the history. */
  @PostMapping("/api/v1/projects/{projectId}/push")
  PushView pushProject(
      @CurrentUserId UUID userId,
      @PathVariable UUID projectId,
      @Valid @RequestBody PushRequest request) {
    projects.get(userId, projectId);
    URI remote = RemoteAddress.checked(request.url(), limits.allowLocalUrls());
    history.commit(userId, projectId, Author.USER, "Save before push", null);
    return history.push(projectId, remote, request.branch().strip(), request.token());
  }
}
