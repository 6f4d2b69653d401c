package com.bharatbuild.wallet;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A purchase of tokens.
 *
 * @param status {@code created}, {@code paid}, {@code credited}, {@code failed}, {@code expired} or
 *     {@code refunded}
 * @param checkoutUrl where the user pays, for gateways with a hosted checkout
 */
public record OrderView(
    UUID id,
    String packageId,
    long tokens,
    BigDecimal amount,
    String currency,
    String status,
    String gateway,
    @Nullable String checkoutUrl,
    OffsetDateTime createdAt) {}
