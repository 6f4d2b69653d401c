package com.bharatbuild.projects;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The history of every file: one row per version, a deletion being a row without content. Version
 * numbers keep counting across a delete and re-create, so a stale {@code expectedVersion} never
 * matches a new file by accident.
 */
@Repository
class FileVersions {

  enum ChangeType {
    CREATE,
    UPDATE,
    DELETE
  }

  private final JdbcClient jdbc;

  FileVersions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  int latestVersion(UUID projectId, FilePath path) {
    return jdbc.sql(
            """
            SELECT COALESCE(MAX(version), 0) FROM file_versions
            WHERE project_id = :project AND path = :path
            """)
        .param("project", projectId)
        .param("path", path.value())
        .query(Integer.class)
        .single();
  }

  void record(
      UUID projectId,
      FilePath path,
      int version,
      ChangeType type,
      @Nullable String content,
      FileChange change,
      OffsetDateTime at) {
    jdbc.sql(
            """
            INSERT INTO file_versions
              (id, project_id, path, version, change_type, content, author, user_id, message_id,
               created_at)
            VALUES (:id, :project, :path, :version, :type, :content, :author, :user, :message, :at)
            """)
        .param("id", UUID.randomUUID())
        .param("project", projectId)
        .param("path", path.value())
        .param("version", version)
        .param("type", type.name().toLowerCase(java.util.Locale.ROOT))
        .param("content", content)
        .param("author", change.author().column())
        .param("user", change.userId())
        .param("message", change.messageId())
        .param("at", at)
        .update();
  }
}
