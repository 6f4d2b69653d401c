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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/projects")
class ProjectController {

  private final ProjectService projects;

  ProjectController(ProjectService projects) {
    this.projects = projects;
  }

  @GetMapping
  List<ProjectView> listProjects(@CurrentUserId UUID userId) {
    return projects.list(userId);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ProjectView createProject(
      @CurrentUserId UUID userId, @Valid @RequestBody ProjectRequest request) {
    return projects.create(userId, request);
  }

  @GetMapping("/{id}")
  ProjectView getProject(@CurrentUserId UUID userId, @PathVariable UUID id) {
    return projects.get(userId, id);
  }

  @PutMapping("/{id}")
  ProjectView updateProject(
      @CurrentUserId UUID userId,
      @PathVariable UUID id,
      @Valid @RequestBody ProjectRequest request) {
    return projects.update(userId, id, request);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void deleteProject(@CurrentUserId UUID userId, @PathVariable UUID id) {
    projects.delete(userId, id);
  }
}
