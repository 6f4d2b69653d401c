package com.bharatbuild.execution.problems;

public record Problem(
    String file, int line, int column, String severity, String message, String source) {}
