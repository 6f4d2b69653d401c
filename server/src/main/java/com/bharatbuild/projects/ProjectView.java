package com.bharatbuild.projects;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record ProjectView(
    UUID id,
    String name,
    @Nullable String description,
    @Nullable String type,
    List<String> techStack,
    String status,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {}
