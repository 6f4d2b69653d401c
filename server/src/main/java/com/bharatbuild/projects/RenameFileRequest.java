package com.bharatbuild.projects;

import jakarta.validation.constraints.NotNull;

/** Moves a file to a new path, keeping its content; its history continues under the new path. */
public record RenameFileRequest(@NotNull String from, @NotNull String to) {}
