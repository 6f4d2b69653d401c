package com.bharatbuild.auth;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Refresh tokens, stored only as SHA-256 hashes. Tokens issued by rotation share a family, so reuse
 * of a rotated token can revoke every descendant of the stolen one.
 */
@Repository
class RefreshTokens {

  record StoredToken(
      UUID id,
      UUID userId,
      UUID familyId,
      OffsetDateTime expiresAt,
      @Nullable OffsetDateTime rotatedAt,
      @Nullable OffsetDateTime revokedAt) {}

  private final JdbcClient jdbc;

  RefreshTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID userId, UUID familyId, String hash, OffsetDateTime now, OffsetDateTime expires) {
    jdbc.sql(
            """
            INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at)
            VALUES (:id, :user, :family, :hash, :now, :expires)
            """)
        .param("id", UUID.randomUUID())
        .param("user", userId)
        .param("family", familyId)
        .param("hash", hash)
        .param("now", now)
        .param("expires", expires)
        .update();
  }

  Optional<StoredToken> findByHash(String hash) {
    return jdbc.sql(
            """
            SELECT id, user_id, family_id, expires_at, rotated_at, revoked_at
            FROM refresh_tokens WHERE token_hash = :hash
            """)
        .param("hash", hash)
        .query(
            (rs, n) ->
                new StoredToken(
                    rs.getObject("id", UUID.class),
                    rs.getObject("user_id", UUID.class),
                    rs.getObject("family_id", UUID.class),
                    rs.getObject("expires_at", OffsetDateTime.class),
                    rs.getObject("rotated_at", OffsetDateTime.class),
                    rs.getObject("revoked_at", OffsetDateTime.class)))
        .optional();
  }

  /**
   * Marks the token used, if nobody did first.
   *
   * @return false when it was already rotated or revoked: a concurrent or replayed use
   */
  boolean markRotated(UUID id, OffsetDateTime now) {
    return jdbc.sql(
                """
                UPDATE refresh_tokens SET rotated_at = :now
                WHERE id = :id AND rotated_at IS NULL AND revoked_at IS NULL
                """)
            .param("id", id)
            .param("now", now)
            .update()
        == 1;
  }

  void revokeFamily(UUID familyId, OffsetDateTime now) {
    jdbc.sql(
            "UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
        .param("family", familyId)
        .param("now", now)
        .update();
  }

  void deleteExpiredBefore(OffsetDateTime cutoff) {
    jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at < :cutoff")
        .param("cutoff", cutoff)
        .update();
  }
}
