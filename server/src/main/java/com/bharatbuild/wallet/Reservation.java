package com.bharatbuild.wallet;

import java.util.UUID;

/**
 * Tokens held for one reply until it settles.
 *
 * @param maxOutputTokens the most output the reservation covers; the caller passes it to the model
 */
public record Reservation(UUID userId, UUID messageId, long amount, int maxOutputTokens) {}
