package com.bharatbuild.execution;

import com.bharatbuild.auth.CurrentUserId;
import com.bharatbuild.execution.ExecutionProblems.NoPreview;
import com.bharatbuild.execution.preview.PreviewServer;
import com.bharatbuild.projects.ProjectService;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Opens the preview of a project's running dev server on the preview origin. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/preview")
class PreviewController {

  private final ProjectService projects;
  private final PreviewTargets targets;
  private final PreviewServer server;

  PreviewController(ProjectService projects, PreviewTargets targets, PreviewServer server) {
    this.projects = projects;
    this.targets = targets;
    this.server = server;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  PreviewView openPreview(@CurrentUserId UUID userId, @PathVariable UUID projectId) {
    projects.get(userId, projectId);
    if (targets.of(projectId).isEmpty()) {
      throw new NoPreview();
    }
    String url = server.open(projectId);
    return new PreviewView(url, server.expiresAt(url));
  }
}
