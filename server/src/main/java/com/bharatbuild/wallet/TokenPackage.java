package com.bharatbuild.wallet;

import java.math.BigDecimal;

/**
 * Tokens for sale.
 *
 * @param price in the currency's main unit (rupees, dollars), exact to the minor unit
 */
public record TokenPackage(
    String id, String name, long tokens, BigDecimal price, String currency) {}
