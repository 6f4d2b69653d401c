package com.bharatbuild.auth;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The user accounts. Emails are stored lower-cased, so lookups are exact. */
@Repository
class Users {

  private static final RowMapper<UserAccount> ROW =
      (rs, n) ->
          new UserAccount(
              rs.getObject("id", UUID.class),
              rs.getString("email"),
              rs.getString("password_hash"),
              rs.getString("name"),
              rs.getString("role"),
              rs.getObject("created_at", OffsetDateTime.class));

  private final JdbcClient jdbc;

  Users(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the account; a duplicate email raises {@code DuplicateKeyException}. */
  void insert(UserAccount user) {
    jdbc.sql(
            """
            INSERT INTO users (id, email, password_hash, name, role, created_at, updated_at)
            VALUES (:id, :email, :hash, :name, :role, :created, :created)
            """)
        .param("id", user.id())
        .param("email", user.email())
        .param("hash", user.passwordHash())
        .param("name", user.name())
        .param("role", user.role())
        .param("created", user.createdAt())
        .update();
  }

  Optional<UserAccount> findByEmail(String email) {
    return jdbc.sql("SELECT * FROM users WHERE email = :email")
        .param("email", email)
        .query(ROW)
        .optional();
  }

  Optional<UserAccount> findById(UUID id) {
    return jdbc.sql("SELECT * FROM users WHERE id = :id").param("id", id).query(ROW).optional();
  }
}
