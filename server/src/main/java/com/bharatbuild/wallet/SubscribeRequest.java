package com.bharatbuild.wallet;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * @param gateway who bills the subscription ({@code manual} or {@code stripe}); the configured
 *     default when absent
 */
public record SubscribeRequest(
    @NotBlank @Size(max = 50) String planId, @Nullable @Size(max = 20) String gateway) {}
