package com.bharatbuild.chat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Chat messages, always looked up with their owner. */
@Repository
class ChatMessages {

  /** What a running reply has said so far. */
  record Progress(UUID id, String content, List<OperationView> operations) {}

  /** A message with the project it belongs to. */
  record Stored(MessageView view, UUID projectId, @Nullable String model, @Nullable String mode) {}

  // well under the bind-parameter limits of H2 and PostgreSQL
  private static final int HEARTBEAT_BATCH = 500;
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<OperationView>> OPERATIONS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final JsonMapper json;
  private final RowMapper<Stored> row;

  ChatMessages(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.json = json;
    this.row =
        (rs, n) ->
            new Stored(
                new MessageView(
                    rs.getObject("id", UUID.class),
                    rs.getString("role"),
                    rs.getString("content"),
                    json.readValue(rs.getString("attached_files"), STRINGS),
                    json.readValue(rs.getString("operations"), OPERATIONS),
                    rs.getLong("tokens_used"),
                    rs.getString("status"),
                    rs.getObject("reply_to", UUID.class),
                    rs.getObject("created_at", OffsetDateTime.class)),
                rs.getObject("project_id", UUID.class),
                rs.getString("model"),
                rs.getString("mode"));
  }

  void insert(
      UUID userId,
      UUID projectId,
      MessageView message,
      @Nullable String model,
      @Nullable String mode) {
    jdbc.sql(
            """
            INSERT INTO chat_messages (id, user_id, project_id, role, content, attached_files,
              operations, tokens_used, status, reply_to, model, mode, created_at, heartbeat_at)
            VALUES (:id, :user, :project, :role, :content, :attached, :operations, :tokens,
              :status, :replyTo, :model, :mode, :created, :heartbeat)
            """)
        .param("id", message.id())
        .param("user", userId)
        .param("project", projectId)
        .param("role", message.role())
        .param("content", message.content())
        .param("attached", json.writeValueAsString(message.attachedFiles()))
        .param("operations", json.writeValueAsString(message.operations()))
        .param("tokens", message.tokensUsed())
        .param("status", message.status())
        .param("replyTo", message.replyTo())
        .param("model", model)
        .param("mode", mode)
        .param("created", message.createdAt())
        .param("heartbeat", message.status().equals("streaming") ? message.createdAt() : null)
        .update();
  }

  /** The replies this instance is generating are alive. */
  void heartbeat(Collection<UUID> replyIds, Instant now) {
    // one statement per batch rather than per reply: an instance may run thousands of replies
    List<UUID> ids = List.copyOf(replyIds);
    for (int from = 0; from < ids.size(); from += HEARTBEAT_BATCH) {
      jdbc.sql(
              "UPDATE chat_messages SET heartbeat_at = :now WHERE id IN (:ids) AND status = 'streaming'")
          .param("now", now.atOffset(ZoneOffset.UTC))
          .param("ids", ids.subList(from, Math.min(ids.size(), from + HEARTBEAT_BATCH)))
          .update();
    }
  }

  /** Saves what a reply has so far, or its final state. */
  void saveReply(
      UUID id,
      String content,
      List<OperationView> operations,
      String status,
      long tokensUsed,
      long inputTokens,
      long outputTokens) {
    jdbc.sql(
            """
            UPDATE chat_messages SET content = :content, operations = :operations, status = :status,
              tokens_used = :tokens, input_tokens = :input, output_tokens = :output
            WHERE id = :id
            """)
        .param("id", id)
        .param("content", content)
        .param("operations", json.writeValueAsString(operations))
        .param("status", status)
        .param("tokens", tokensUsed)
        .param("input", inputTokens)
        .param("output", outputTokens)
        .update();
  }

  /**
   * Saves the progress of running replies in one batch. A reply that has already saved its final
   * state is left as it is.
   */
  void saveProgress(List<Progress> replies) {
    if (replies.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(replies.size());
    for (Progress reply : replies) {
      rows.add(
          new Object[] {reply.content(), json.writeValueAsString(reply.operations()), reply.id()});
    }
    jdbcTemplate.batchUpdate(
        """
        UPDATE chat_messages SET content = ?, operations = ?
        WHERE id = ? AND status = 'streaming'
        """,
        rows);
  }

  Optional<Stored> findOwned(UUID id, UUID owner) {
    return jdbc.sql("SELECT * FROM chat_messages WHERE id = :id AND user_id = :owner")
        .param("id", id)
        .param("owner", owner)
        .query(row)
        .optional();
  }

  Optional<Stored> findReplyTo(UUID userMessageId) {
    return jdbc.sql(
            "SELECT * FROM chat_messages WHERE reply_to = :id ORDER BY created_at DESC LIMIT 1")
        .param("id", userMessageId)
        .query(row)
        .optional();
  }

  List<MessageView> listForProject(UUID projectId, UUID owner) {
    return jdbc
        .sql(
            """
            SELECT * FROM chat_messages WHERE project_id = :project AND user_id = :owner
            ORDER BY created_at, CASE role WHEN 'user' THEN 0 ELSE 1 END, id
            """)
        .param("project", projectId)
        .param("owner", owner)
        .query(row)
        .list()
        .stream()
        .map(Stored::view)
        .toList();
  }

  /**
   * The newest messages of a project that a prompt can use (finished, with something said), oldest
   * first, at most {@code limit}: a conversation of thousands of messages is not read whole for
   * each new one. Read newest first a page at a time, as the few unusable ones are skipped.
   */
  List<MessageView> recentUsable(UUID projectId, UUID owner, int limit) {
    List<MessageView> newestFirst = new ArrayList<>();
    int page = limit + 8;
    for (int offset = 0; newestFirst.size() < limit; offset += page) {
      List<Stored> rows =
          jdbc.sql(
                  """
                  SELECT * FROM chat_messages
                  WHERE project_id = :project AND user_id = :owner AND status <> 'streaming'
                  ORDER BY created_at DESC, CASE role WHEN 'user' THEN 0 ELSE 1 END DESC, id DESC
                  LIMIT :limit OFFSET :offset
                  """)
              .param("project", projectId)
              .param("owner", owner)
              .param("limit", page)
              .param("offset", offset)
              .query(row)
              .list();
      for (Stored stored : rows) {
        if (newestFirst.size() < limit && usableInPrompt(stored.view())) {
          newestFirst.add(stored.view());
        }
      }
      if (rows.size() < page) {
        break;
      }
    }
    return newestFirst.reversed();
  }

  static boolean usableInPrompt(MessageView message) {
    return !message.status().equals("streaming") && !message.content().isBlank();
  }

  /** Deletes a message and, for a user message, the replies to it. */
  int delete(UUID id, UUID owner) {
    jdbc.sql("DELETE FROM chat_messages WHERE reply_to = :id AND user_id = :owner")
        .param("id", id)
        .param("owner", owner)
        .update();
    return jdbc.sql("DELETE FROM chat_messages WHERE id = :id AND user_id = :owner")
        .param("id", id)
        .param("owner", owner)
        .update();
  }

  /**
   * Marks replies whose instance stopped beating before {@code staleBefore} (a crash or a kill) as
   * interrupted; what they said is kept. Safe to run on several instances at once: each reply is
   * claimed by exactly one of them.
   *
   * @return the ids this call marked
   */
  List<UUID> markInterrupted(Instant staleBefore) {
    OffsetDateTime stale = staleBefore.atOffset(ZoneOffset.UTC);
    List<UUID> candidates =
        jdbc.sql(
                """
                SELECT id FROM chat_messages
                WHERE status = 'streaming' AND (heartbeat_at IS NULL OR heartbeat_at < :stale)
                """)
            .param("stale", stale)
            .query(UUID.class)
            .list();
    List<UUID> marked = new ArrayList<>();
    for (UUID id : candidates) {
      int updated =
          jdbc.sql(
                  """
                  UPDATE chat_messages SET status = 'interrupted'
                  WHERE id = :id AND status = 'streaming'
                    AND (heartbeat_at IS NULL OR heartbeat_at < :stale)
                  """)
              .param("id", id)
              .param("stale", stale)
              .update();
      if (updated == 1) {
        marked.add(id);
      }
    }
    return marked;
  }
}
