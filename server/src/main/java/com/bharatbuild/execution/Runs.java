package com.bharatbuild.execution;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Run rows. Every read is scoped to the project, whose ownership the caller has checked. */
@Repository
class Runs {

  private static final RowMapper<RunView> RUN =
      (rs, n) ->
          new RunView(
              rs.getObject("id", UUID.class),
              rs.getString("command"),
              rs.getString("status"),
              (Integer) rs.getObject("exit_code"),
              rs.getObject("started_at", OffsetDateTime.class),
              rs.getObject("ended_at", OffsetDateTime.class));

  private final JdbcClient jdbc;

  Runs(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID projectId, UUID userId, RunView run) {
    jdbc.sql(
            """
            INSERT INTO runs (id, project_id, user_id, command, status, started_at)
            VALUES (:id, :project, :user, :command, :status, :started)
            """)
        .param("id", run.id())
        .param("project", projectId)
        .param("user", userId)
        .param("command", run.command())
        .param("status", run.status())
        .param("started", run.startedAt())
        .update();
  }

  void end(UUID runId, String status, @Nullable Integer exitCode, OffsetDateTime endedAt) {
    jdbc.sql(
            """
            UPDATE runs SET status = :status, exit_code = :code, ended_at = :ended
            WHERE id = :id AND status = 'running'
            """)
        .param("id", runId)
        .param("status", status)
        .param("code", exitCode)
        .param("ended", endedAt)
        .update();
  }

  Optional<RunView> find(UUID projectId, UUID runId) {
    return jdbc.sql("SELECT * FROM runs WHERE id = :id AND project_id = :project")
        .param("id", runId)
        .param("project", projectId)
        .query(RUN)
        .optional();
  }

  List<RunView> list(UUID projectId, int limit) {
    return jdbc.sql(
            "SELECT * FROM runs WHERE project_id = :project ORDER BY started_at DESC, id LIMIT :limit")
        .param("project", projectId)
        .param("limit", limit)
        .query(RUN)
        .list();
  }

  /** Runs a stopped server left running: their processes died with it. */
  int endAbandoned(OffsetDateTime now) {
    return jdbc.sql("UPDATE runs SET status = 'stopped', ended_at = :now WHERE status = 'running'")
        .param("now", now)
        .update();
  }
}
