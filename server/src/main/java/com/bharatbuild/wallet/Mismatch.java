package com.bharatbuild.wallet;

import java.util.UUID;

/** A wallet whose cached balance differs from the sum of its ledger. */
public record Mismatch(UUID userId, long balance, long ledgerSum) {}
