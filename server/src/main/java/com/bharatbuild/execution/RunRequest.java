package com.bharatbuild.execution;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Either a command to run, or {@code action: "run"} to install and start the project as detected
 * from its files.
 */
public record RunRequest(
    @Nullable @Size(max = 4000, message = "must be at most 4000 characters") String command,
    @Nullable @Pattern(regexp = "run", message = "must be \"run\"") String action) {}
