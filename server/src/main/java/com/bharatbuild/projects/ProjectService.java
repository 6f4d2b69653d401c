package com.bharatbuild.projects;

import com.bharatbuild.projects.ProjectProblems.ProjectNotFound;
import com.bharatbuild.shared.config.Timestamps;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's projects. Another user's project is reported as not found. */
@Service
public class ProjectService {

  private final Projects projects;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  ProjectService(Projects projects, Clock clock, ApplicationEventPublisher events) {
    this.projects = projects;
    this.clock = clock;
    this.events = events;
  }

  public List<ProjectView> list(UUID owner) {
    return projects.findAllOwnedBy(owner);
  }

  @Transactional
  public ProjectView create(UUID owner, ProjectRequest request) {
    OffsetDateTime now = Timestamps.now(clock);
    ProjectView project =
        new ProjectView(
            UUID.randomUUID(),
            request.name().trim(),
            request.description(),
            request.type(),
            Projects.techStack(request),
            "active",
            now,
            now);
    projects.insert(owner, project);
    return project;
  }

  /**
   * @throws ProjectNotFound when the project does not exist or belongs to someone else
   */
  public ProjectView get(UUID owner, UUID projectId) {
    return projects.findOwned(projectId, owner).orElseThrow(ProjectNotFound::create);
  }

  @Transactional
  public ProjectView update(UUID owner, UUID projectId, ProjectRequest request) {
    if (!projects.update(projectId, owner, request, Timestamps.now(clock))) {
      throw ProjectNotFound.create();
    }
    return get(owner, projectId);
  }

  /** Deletes the project with its files, history and messages. */
  @Transactional
  public void delete(UUID owner, UUID projectId) {
    if (!projects.delete(projectId, owner)) {
      throw ProjectNotFound.create();
    }
    events.publishEvent(new ProjectDeleted(projectId, owner));
  }
}
