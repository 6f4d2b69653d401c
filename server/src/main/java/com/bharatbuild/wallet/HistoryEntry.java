package com.bharatbuild.wallet;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One movement of tokens, as the ledger holds it.
 *
 * @param tokensUsed the size of the movement (always positive; {@code amount} has the sign)
 * @param amount positive for tokens in, negative for tokens out
 * @param operationType {@code ai_usage}, {@code purchase}, {@code grant}, {@code subscription},
 *     {@code refund} or {@code adjustment}
 * @param reference what caused it (the message, order, user or adjustment)
 * @param note an adjustment's reason
 */
public record HistoryEntry(
    UUID id,
    long tokensUsed,
    long amount,
    String operationType,
    String reference,
    @Nullable UUID projectId,
    @Nullable UUID messageId,
    @Nullable String note,
    OffsetDateTime createdAt) {}
