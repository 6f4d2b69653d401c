package com.bharatbuild.execution;

import java.util.UUID;

/** A run began in a project's sandbox. */
public record RunStarted(UUID projectId, UUID userId, RunView run) {}
