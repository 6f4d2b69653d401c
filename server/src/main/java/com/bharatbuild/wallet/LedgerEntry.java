package com.bharatbuild.wallet;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One immutable movement of tokens: positive in, negative out.
 *
 * @param reference what caused it, unique per kind: the message charged, the order credited, the
 *     user granted, an adjustment's own id
 * @param createdBy the admin behind an adjustment
 */
record LedgerEntry(
    UUID id,
    UUID userId,
    long amount,
    String kind,
    String reference,
    @Nullable UUID projectId,
    @Nullable UUID messageId,
    @Nullable String note,
    @Nullable UUID createdBy,
    OffsetDateTime createdAt) {

  static final String AI_USAGE = "ai_usage";
  static final String GRANT = "grant";
  static final String PURCHASE = "purchase";
  static final String SUBSCRIPTION = "subscription";
  static final String ADJUSTMENT = "adjustment";
  static final String REFUND = "refund";
}
