package com.bharatbuild.auth;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record UserView(
    UUID id, String email, @Nullable String name, String role, OffsetDateTime createdAt) {}
