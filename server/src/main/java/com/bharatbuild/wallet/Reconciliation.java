package com.bharatbuild.wallet;

import java.util.List;

/**
 * The check that every balance equals the sum of its ledger.
 *
 * @param checked how many wallets were compared
 */
public record Reconciliation(long checked, List<Mismatch> mismatches) {}
