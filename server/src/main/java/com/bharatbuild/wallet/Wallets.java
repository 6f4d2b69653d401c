package com.bharatbuild.wallet;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Balances, reservations and the ledger, in SQL that runs on H2 and PostgreSQL. */
@Repository
class Wallets {

  record Row(long balance, long totalPurchased, long totalUsed) {}

  private static final Set<String> PURCHASED_KINDS =
      Set.of(LedgerEntry.PURCHASE, LedgerEntry.SUBSCRIPTION);

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

  /** Drops the reservation of a message; how many rows went (0 or 1). */
  int release(UUID messageId) {
    return jdbc.sql("DELETE FROM token_reservations WHERE message_id = :message")
        .param("message", messageId)
        .update();
  }

  /** Reservations held, on every instance. */
  long reservationCount() {
    return jdbc.sql("SELECT COUNT(*) FROM token_reservations").query(Long.class).single();
  }

  /** Whether an entry of this kind and reference is in the ledger already. */
  boolean recorded(String kind, String reference) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM token_ledger WHERE kind = :kind AND reference = :reference")
            .param("kind", kind)
            .param("reference", reference)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Appends an entry to the ledger and applies it to the cached balance, in the caller's
   * transaction (which holds the wallet's row lock). Credits other than grants and adjustments
   * count as purchased; debits as used.
   */
  void apply(LedgerEntry entry) {
    jdbc.sql(
            """
            INSERT INTO token_ledger (id, user_id, amount, kind, reference, project_id, message_id,
              note, created_by, created_at)
            VALUES (:id, :user, :amount, :kind, :reference, :project, :message, :note, :by, :now)
            """)
        .param("id", entry.id())
        .param("user", entry.userId())
        .param("amount", entry.amount())
        .param("kind", entry.kind())
        .param("reference", entry.reference())
        .param("project", entry.projectId())
        .param("message", entry.messageId())
        .param("note", entry.note())
        .param("by", entry.createdBy())
        .param("now", entry.createdAt())
        .update();
    boolean purchase = entry.amount() > 0 && PURCHASED_KINDS.contains(entry.kind());
    jdbc.sql(
            """
            UPDATE user_wallets SET balance = balance + :amount,
              total_purchased = total_purchased + :purchased,
              total_used = total_used + :used,
              updated_at = :now
            WHERE user_id = :user
            """)
        .param("user", entry.userId())
        .param("amount", entry.amount())
        .param("purchased", purchase ? entry.amount() : 0)
        .param("used", entry.kind().equals(LedgerEntry.AI_USAGE) ? -entry.amount() : 0)
        .param("now", entry.createdAt())
        .update();
  }

  long ledgerSum(UUID userId) {
    return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM token_ledger WHERE user_id = :user")
        .param("user", userId)
        .query(Long.class)
        .single();
  }

  /** Wallets whose cached balance is not the sum of their ledger. */
  List<Mismatch> mismatches() {
    return jdbc.sql(
            """
            SELECT w.user_id, w.balance, COALESCE(l.total, 0) AS ledger
            FROM user_wallets w
            LEFT JOIN (SELECT user_id, SUM(amount) AS total FROM token_ledger GROUP BY user_id) l
              ON l.user_id = w.user_id
            WHERE w.balance <> COALESCE(l.total, 0)
            ORDER BY w.user_id
            """)
        .query(
            (rs, n) ->
                new Mismatch(
                    rs.getObject("user_id", UUID.class),
                    rs.getLong("balance"),
                    rs.getLong("ledger")))
        .list();
  }

  long walletCount() {
    return jdbc.sql("SELECT COUNT(*) FROM user_wallets").query(Long.class).single();
  }

  List<HistoryEntry> history(
      UUID userId, @Nullable String type, @Nullable UUID projectId, int limit, long offset) {
    return jdbc.sql(
            """
            SELECT id, amount, kind, reference, project_id, message_id, note, created_at
            FROM token_ledger
            WHERE user_id = :user
              AND (CAST(:type AS VARCHAR(30)) IS NULL OR kind = :type)
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
                    Math.abs(rs.getLong("amount")),
                    rs.getLong("amount"),
                    rs.getString("kind"),
                    rs.getString("reference"),
                    rs.getObject("project_id", UUID.class),
                    rs.getObject("message_id", UUID.class),
                    rs.getString("note"),
                    rs.getObject("created_at", OffsetDateTime.class)))
        .list();
  }

  long countHistory(UUID userId, @Nullable String type, @Nullable UUID projectId) {
    return jdbc.sql(
            """
            SELECT COUNT(*) FROM token_ledger
            WHERE user_id = :user
              AND (CAST(:type AS VARCHAR(30)) IS NULL OR kind = :type)
              AND (CAST(:project AS UUID) IS NULL OR project_id = :project)
            """)
        .param("user", userId)
        .param("type", type)
        .param("project", projectId)
        .query(Long.class)
        .single();
  }
}
