package com.bharatbuild.wallet;

/**
 * @param balance tokens left, including those reserved for replies still streaming
 * @param available what a new reply may reserve: the balance less open reservations
 */
public record BalanceView(long balance, long totalPurchased, long totalUsed, long available) {}
