package com.bharatbuild.wallet;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record SubscribeRequest(@NotBlank @Size(max = 50) String planId) {}
