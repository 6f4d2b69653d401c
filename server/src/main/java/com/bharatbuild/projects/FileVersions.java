package com.bharatbuild.projects;

import java.time.OffsetDateTime;
import java.util.List;
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

  /** For each path the message changed: its content before and after the message. */
  List<FileHistory> changesBy(UUID projectId, UUID messageId) {
    List<String> paths =
        jdbc.sql(
                """
                SELECT DISTINCT path FROM file_versions
                WHERE project_id = :project AND message_id = :message ORDER BY path
                """)
            .param("project", projectId)
            .param("message", messageId)
            .query(String.class)
            .list();
    return paths.stream()
        .map(
            path ->
                new FileHistory(
                    path,
                    contentAt(projectId, path, "<", firstOf(projectId, path, messageId)),
                    contentAt(projectId, path, "=", lastOf(projectId, path, messageId))))
        .toList();
  }

  private int firstOf(UUID projectId, String path, UUID messageId) {
    return versionOf("MIN", projectId, path, messageId);
  }

  private int lastOf(UUID projectId, String path, UUID messageId) {
    return versionOf("MAX", projectId, path, messageId);
  }

  private int versionOf(String aggregate, UUID projectId, String path, UUID messageId) {
    return jdbc.sql(
            "SELECT "
                + aggregate
                + "(version) FROM file_versions"
                + " WHERE project_id = :project AND path = :path AND message_id = :message")
        .param("project", projectId)
        .param("path", path)
        .param("message", messageId)
        .query(Integer.class)
        .single();
  }

  /** The content of the newest version {@code <} or {@code =} the given one; null if deleted. */
  private @Nullable String contentAt(UUID projectId, String path, String comparison, int version) {
    return jdbc
        .sql(
            "SELECT content FROM file_versions WHERE project_id = :project AND path = :path"
                + " AND version "
                + comparison
                + " :version ORDER BY version DESC LIMIT 1")
        .param("project", projectId)
        .param("path", path)
        .param("version", version)
        .query((rs, n) -> rs.getString(1))
        .list()
        .stream()
        .findFirst()
        .orElse(null);
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
