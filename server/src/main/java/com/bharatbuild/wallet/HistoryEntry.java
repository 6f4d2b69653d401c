package com.bharatbuild.wallet;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One movement of tokens.
 *
 * @param operationType {@code ai_usage}, {@code purchase}, {@code grant}, {@code subscription},
 *     {@code refund} or {@code adjustment}
 */
public record HistoryEntry(
    UUID id,
    long tokensUsed,
    String operationType,
    @Nullable UUID projectId,
    @Nullable UUID messageId,
    OffsetDateTime createdAt) {}
