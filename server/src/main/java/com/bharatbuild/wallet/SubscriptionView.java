package com.bharatbuild.wallet;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A user's subscription.
 *
 * @param status {@code active} or {@code expired}
 * @param autoRenew false once cancelled: it stays active until {@code currentPeriodEnd}
 */
public record SubscriptionView(
    UUID id,
    String planId,
    String name,
    long tokens,
    String status,
    boolean autoRenew,
    OffsetDateTime currentPeriodStart,
    OffsetDateTime currentPeriodEnd) {}
