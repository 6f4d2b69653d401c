package com.bharatbuild.wallet;

import java.math.BigDecimal;
import java.util.List;

/** A subscription plan: its tokens arrive once every period while the subscription runs. */
public record PlanView(
    String id,
    String name,
    String description,
    long tokens,
    BigDecimal price,
    String currency,
    int periodDays,
    List<String> features) {}
