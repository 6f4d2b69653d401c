package com.bharatbuild.projects;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Projects, always looked up together with their owner. */
@Repository
class Projects {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final RowMapper<ProjectView> row;

  Projects(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
    this.row =
        (rs, n) ->
            new ProjectView(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("type"),
                json.readValue(rs.getString("tech_stack"), STRINGS),
                rs.getString("status"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
  }

  void insert(UUID owner, ProjectView project) {
    jdbc.sql(
            """
            INSERT INTO projects
              (id, user_id, name, description, type, tech_stack, status, created_at, updated_at)
            VALUES (:id, :owner, :name, :description, :type, :stack, :status, :created, :updated)
            """)
        .param("id", project.id())
        .param("owner", owner)
        .param("name", project.name())
        .param("description", project.description())
        .param("type", project.type())
        .param("stack", json.writeValueAsString(project.techStack()))
        .param("status", project.status())
        .param("created", project.createdAt())
        .param("updated", project.updatedAt())
        .update();
  }

  List<ProjectView> findAllOwnedBy(UUID owner) {
    return jdbc.sql(
            "SELECT * FROM projects WHERE user_id = :owner ORDER BY created_at DESC, id DESC")
        .param("owner", owner)
        .query(row)
        .list();
  }

  Optional<ProjectView> findOwned(UUID id, UUID owner) {
    return jdbc.sql("SELECT * FROM projects WHERE id = :id AND user_id = :owner")
        .param("id", id)
        .param("owner", owner)
        .query(row)
        .optional();
  }

  /** Locks the owned project row for the rest of the transaction, serialising its file writes. */
  boolean lockOwned(UUID id, UUID owner) {
    return jdbc.sql("SELECT id FROM projects WHERE id = :id AND user_id = :owner FOR UPDATE")
        .param("id", id)
        .param("owner", owner)
        .query(UUID.class)
        .optional()
        .isPresent();
  }

  boolean update(UUID id, UUID owner, ProjectRequest request, OffsetDateTime now) {
    return jdbc.sql(
                """
                UPDATE projects SET name = :name, description = :description, type = :type,
                  tech_stack = :stack, updated_at = :now
                WHERE id = :id AND user_id = :owner
                """)
            .param("id", id)
            .param("owner", owner)
            .param("name", request.name().trim())
            .param("description", request.description())
            .param("type", request.type())
            .param("stack", json.writeValueAsString(techStack(request)))
            .param("now", now)
            .update()
        == 1;
  }

  void touch(UUID id, OffsetDateTime now) {
    jdbc.sql("UPDATE projects SET updated_at = :now WHERE id = :id")
        .param("id", id)
        .param("now", now)
        .update();
  }

  boolean delete(UUID id, UUID owner) {
    return jdbc.sql("DELETE FROM projects WHERE id = :id AND user_id = :owner")
            .param("id", id)
            .param("owner", owner)
            .update()
        == 1;
  }

  static List<String> techStack(ProjectRequest request) {
    return request.techStack() == null
        ? List.of()
        : request.techStack().stream().map(String::trim).distinct().toList();
  }
}
