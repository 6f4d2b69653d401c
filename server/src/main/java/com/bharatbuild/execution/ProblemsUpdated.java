package com.bharatbuild.execution;

import com.bharatbuild.execution.problems.Problem;
import java.util.List;
import java.util.UUID;

/** The project's problems changed: the newest run's output named new ones, or a run started. */
public record ProblemsUpdated(UUID projectId, UUID userId, List<Problem> problems) {}
