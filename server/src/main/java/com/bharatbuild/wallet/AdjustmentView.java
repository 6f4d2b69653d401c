package com.bharatbuild.wallet;

import java.util.UUID;

/**
 * @param applied false when the same adjustment was applied before (nothing changed this time)
 */
public record AdjustmentView(UUID adjustmentId, boolean applied, BalanceView balance) {}
