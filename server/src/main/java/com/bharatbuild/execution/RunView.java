package com.bharatbuild.execution;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A command run in the project's sandbox.
 *
 * @param status {@code running}, then {@code succeeded}, {@code failed} or {@code stopped}
 * @param exitCode the exit code of the last step that ran, once the run ended
 */
public record RunView(
    UUID id,
    String command,
    String status,
    @Nullable Integer exitCode,
    OffsetDateTime startedAt,
    @Nullable OffsetDateTime endedAt) {}
