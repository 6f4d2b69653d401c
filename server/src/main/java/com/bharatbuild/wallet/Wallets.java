package com.bharatbuild.wallet;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Balances, reservations and the usage log, in SQL that runs on H2 and PostgreSQL. */
@Repository
class Wallets {

  record Row(long balance, long totalPurchased, long totalUsed) {}

  private final JdbcClient jdbc;

  Wallets(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void create(UUID userId, long balance, OffsetDateTime now) {
    jdbc.sql(
            """
            INSERT INTO user_wallets (id, user_id, balance, total_purchased, total_used, created_at, updated_at)
            VALUES (:id, :user, :balance, 0, 0, :now, :now)
            """)
        .param("id", UUID.randomUUID())
        .param("user", userId)
        .param("balance", balance)
        .param("now", now)
        .update();
  }

  Optional<Row> find(UUID userId) {
    return jdbc.sql(
            "SELECT balance, total_purchased, total_used FROM user_wallets WHERE user_id = :user")
        .param("user", userId)
        .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
        .optional();
  }

  /** Locks the wallet row until the transaction ends; concurrent reservations queue here. */
  Optional<Long> lockBalance(UUID userId) {
    return jdbc.sql("SELECT balance FROM user_wallets WHERE user_id = :user FOR UPDATE")
        .param("user", userId)
        .query(Long.class)
        .optional();
  }

  long reserved(UUID userId) {
    return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM token_reservations WHERE user_id = :user")
        .param("user", userId)
        .query(Long.class)
        .single();
  }

  void reserve(UUID userId, UUID messageId, long amount, OffsetDateTime now) {
    jdbc.sql(
            """
            INSERT INTO token_reservations (id, user_id, message_id, amount, created_at)
            VALUES (:id, :user, :message, :amount, :now)
            """)
        .param("id", UUID.randomUUID())
        .param("user", userId)
        .param("message", messageId)
        .param("amount", amount)
        .param("now", now)
        .update();
  }

  void release(UUID messageId) {
    jdbc.sql("DELETE FROM token_reservations WHERE message_id = :message")
        .param("message", messageId)
        .update();
  }

  boolean charged(UUID messageId) {
    return jdbc.sql("SELECT COUNT(*) FROM token_usage_logs WHERE message_id = :message")
            .param("message", messageId)
            .query(Long.class)
            .single()
        > 0;
  }

  void debit(UUID userId, long tokens, OffsetDateTime now) {
    jdbc.sql(
            """
            UPDATE user_wallets SET balance = balance - :tokens, total_used = total_used + :tokens,
              updated_at = :now
            WHERE user_id = :user
            """)
        .param("user", userId)
        .param("tokens", tokens)
        .param("now", now)
        .update();
  }

  void log(
      UUID userId,
      @Nullable UUID projectId,
      @Nullable UUID messageId,
      long tokens,
      String type,
      OffsetDateTime now) {
    jdbc.sql(
            """
            INSERT INTO token_usage_logs (id, user_id, project_id, message_id, tokens_used, operation_type, created_at)
            VALUES (:id, :user, :project, :message, :tokens, :type, :now)
            """)
        .param("id", UUID.randomUUID())
        .param("user", userId)
        .param("project", projectId)
        .param("message", messageId)
        .param("tokens", tokens)
        .param("type", type)
        .param("now", now)
        .update();
  }

  List<HistoryEntry> history(
      UUID userId, @Nullable String type, @Nullable UUID projectId, int limit, long offset) {
    return jdbc.sql(
            """
            SELECT id, tokens_used, operation_type, project_id, message_id, created_at
            FROM token_usage_logs
            WHERE user_id = :user
              AND (CAST(:type AS VARCHAR(50)) IS NULL OR operation_type = :type)
              AND (CAST(:project AS UUID) IS NULL OR project_id = :project)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit OFFSET :offset
            """)
        .param("user", userId)
        .param("type", type)
        .param("project", projectId)
        .param("limit", limit)
        .param("offset", offset)
        .query(
            (rs, n) ->
                new HistoryEntry(
                    rs.getObject("id", UUID.class),
                    rs.getLong("tokens_used"),
                    rs.getString("operation_type"),
                    rs.getObject("project_id", UUID.class),
                    rs.getObject("message_id", UUID.class),
                    rs.getObject("created_at", OffsetDateTime.class)))
        .list();
  }

  long countHistory(UUID userId, @Nullable String type, @Nullable UUID projectId) {
    return jdbc.sql(
            """
            SELECT COUNT(*) FROM token_usage_logs
            WHERE user_id = :user
              AND (CAST(:type AS VARCHAR(50)) IS NULL OR operation_type = :type)
              AND (CAST(:project AS UUID) IS NULL OR project_id = :project)
            """)
        .param("user", userId)
        .param("type", type)
        .param("project", projectId)
        .query(Long.class)
        .single();
  }
}
