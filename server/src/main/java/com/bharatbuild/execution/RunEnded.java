package com.bharatbuild.execution;

import java.util.UUID;

/** A run ended: succeeded, failed or stopped. */
public record RunEnded(UUID projectId, UUID userId, RunView run) {}
