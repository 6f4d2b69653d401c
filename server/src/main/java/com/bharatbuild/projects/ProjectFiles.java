package com.bharatbuild.projects;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current content of each file of a project. Callers have checked ownership of the project. */
@Repository
class ProjectFiles {

  private static final RowMapper<FileView> FILE =
      (rs, n) ->
          new FileView(
              rs.getString("path"),
              rs.getString("content"),
              rs.getString("language"),
              rs.getInt("size"),
              rs.getInt("version"),
              rs.getObject("updated_at", OffsetDateTime.class));

  private static final RowMapper<FileSummary> SUMMARY =
      (rs, n) ->
          new FileSummary(
              rs.getString("path"),
              rs.getString("language"),
              rs.getInt("size"),
              rs.getInt("version"),
              rs.getObject("updated_at", OffsetDateTime.class));

  private final JdbcClient jdbc;

  ProjectFiles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<FileSummary> list(UUID projectId) {
    return jdbc.sql(
            """
            SELECT path, language, size, version, updated_at FROM project_files
            WHERE project_id = :project ORDER BY path
            """)
        .param("project", projectId)
        .query(SUMMARY)
        .list();
  }

  List<FileView> listWithContent(UUID projectId) {
    return jdbc.sql("SELECT * FROM project_files WHERE project_id = :project ORDER BY path")
        .param("project", projectId)
        .query(FILE)
        .list();
  }

  Optional<FileView> find(UUID projectId, FilePath path) {
    return jdbc.sql("SELECT * FROM project_files WHERE project_id = :project AND path = :path")
        .param("project", projectId)
        .param("path", path.value())
        .query(FILE)
        .optional();
  }

  int count(UUID projectId) {
    return jdbc.sql("SELECT COUNT(*) FROM project_files WHERE project_id = :project")
        .param("project", projectId)
        .query(Integer.class)
        .single();
  }

  void insert(UUID projectId, FileView file) {
    jdbc.sql(
            """
            INSERT INTO project_files
              (id, project_id, path, content, language, size, version, created_at, updated_at)
            VALUES (:id, :project, :path, :content, :language, :size, :version, :now, :now)
            """)
        .param("id", UUID.randomUUID())
        .param("project", projectId)
        .param("path", file.path())
        .param("content", file.content())
        .param("language", file.language())
        .param("size", file.size())
        .param("version", file.version())
        .param("now", file.updatedAt())
        .update();
  }

  /** Replaces the content if the file is still at {@code currentVersion}. */
  boolean update(UUID projectId, FileView file, int currentVersion) {
    return jdbc.sql(
                """
                UPDATE project_files SET content = :content, size = :size, version = :version,
                  updated_at = :now
                WHERE project_id = :project AND path = :path AND version = :current
                """)
            .param("project", projectId)
            .param("path", file.path())
            .param("content", file.content())
            .param("size", file.size())
            .param("version", file.version())
            .param("now", file.updatedAt())
            .param("current", currentVersion)
            .update()
        == 1;
  }

  boolean delete(UUID projectId, FilePath path) {
    return jdbc.sql("DELETE FROM project_files WHERE project_id = :project AND path = :path")
            .param("project", projectId)
            .param("path", path.value())
            .update()
        == 1;
  }
}
