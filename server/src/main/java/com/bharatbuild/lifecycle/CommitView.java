package com.bharatbuild.lifecycle;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One commit of a project's history.
 *
 * @param author {@code user}, {@code assistant} or {@code run}
 * @param messageId the AI message whose operations the commit holds, if any
 */
public record CommitView(
    String id, String message, String author, @Nullable UUID messageId, OffsetDateTime createdAt) {}
