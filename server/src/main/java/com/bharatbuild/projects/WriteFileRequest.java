package com.bharatbuild.projects;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

/**
 * @param expectedVersion when given, the write succeeds only if the file is at this version
 */
public record WriteFileRequest(
    @NotNull String path, @NotNull String content, @Nullable @Positive Integer expectedVersion) {}
