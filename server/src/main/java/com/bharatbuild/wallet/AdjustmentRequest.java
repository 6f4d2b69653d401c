package com.bharatbuild.wallet;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An admin's correction of a user's balance.
 *
 * @param amount tokens to add (positive) or take away (negative), never zero
 * @param adjustmentId makes a retried request count once; a new id is made when absent
 */
public record AdjustmentRequest(
    @NotNull @Min(-1_000_000_000) @Max(1_000_000_000) Long amount,
    @NotBlank @Size(max = 500) String reason,
    @Nullable UUID adjustmentId) {}
