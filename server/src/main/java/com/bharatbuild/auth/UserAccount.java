package com.bharatbuild.auth;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

record UserAccount(
    UUID id,
    String email,
    String passwordHash,
    @Nullable String name,
    String role,
    OffsetDateTime createdAt) {

  UserView view() {
    return new UserView(id, email, name, role, createdAt);
  }
}
