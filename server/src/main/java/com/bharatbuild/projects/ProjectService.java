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
  private final FileService files;
  private final List<ProjectTemplates> templates;

  ProjectService(
      Projects projects,
      Clock clock,
      ApplicationEventPublisher events,
      FileService files,
      List<ProjectTemplates> templates) {
    this.projects = projects;
    this.clock = clock;
    this.events = events;
    this.files = files;
    this.templates = templates;
  }

  public List<ProjectView> list(UUID owner) {
    return projects.findAllOwnedBy(owner);
  }

  /**
   * Creates a project, with the files of the named template if there is one.
   *
   * @throws ProjectProblems.TemplateNotFound when the template does not exist
   */
  @Transactional
  public ProjectView create(UUID owner, ProjectRequest request) {
    ProjectTemplates.Template template =
        request.templateId() == null ? null : template(request.templateId());
    OffsetDateTime now = Timestamps.now(clock);
    List<String> stack = Projects.techStack(request);
    ProjectView project =
        new ProjectView(
            UUID.randomUUID(),
            request.name().trim(),
            request.description(),
            request.type() == null && template != null ? template.type() : request.type(),
            stack.isEmpty() && template != null ? template.techStack() : stack,
            "active",
            now,
            now);
    projects.insert(owner, project);
    if (template != null) {
      FileChange change = FileChange.byUser(owner);
      template.files().entrySet().stream()
          .sorted(java.util.Map.Entry.comparingByKey())
          .forEach(
              file ->
                  files.create(project.id(), FilePath.of(file.getKey()), file.getValue(), change));
    }
    return project;
  }

  private ProjectTemplates.Template template(String id) {
    return templates.stream()
        .flatMap(source -> source.find(id).stream())
        .findFirst()
        .orElseThrow(() -> ProjectProblems.TemplateNotFound.of(id));
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
