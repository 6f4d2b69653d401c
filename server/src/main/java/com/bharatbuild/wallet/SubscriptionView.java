package com.bharatbuild.wallet;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user's subscription.
 *
 * @param status {@code pending} (opened at a gateway, not paid yet), {@code active}, {@code
 *     past_due} (the gateway could not take a renewal's payment and is retrying) or {@code expired}
 * @param autoRenew false once cancelled: it stays active until {@code currentPeriodEnd}
 * @param gateway who bills it: {@code manual}, or {@code stripe}, whose invoices grant the periods
 * @param checkoutUrl where the user pays, while a subscription billed by a gateway is pending
 */
public record SubscriptionView(
    UUID id,
    String planId,
    String name,
    long tokens,
    String status,
    boolean autoRenew,
    OffsetDateTime currentPeriodStart,
    OffsetDateTime currentPeriodEnd,
    String gateway,
    @Nullable String checkoutUrl) {}
