package com.bharatbuild.wallet;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * @param gateway which payment gateway takes the payment; the configured default when absent
 */
public record PurchaseRequest(
    @NotBlank @Size(max = 50) String packageId, @Nullable @Size(max = 20) String gateway) {}
