package com.bharatbuild.projects;

import jakarta.validation.constraints.NotNull;

public record CreateFileRequest(@NotNull String path, @NotNull String content) {}
