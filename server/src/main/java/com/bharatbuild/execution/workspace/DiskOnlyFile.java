package com.bharatbuild.execution.workspace;

/**
 * A file kept in the workspace but not among the project's text files.
 *
 * @param reason {@code binary}, {@code too-large} or {@code unsupported-name}
 */
public record DiskOnlyFile(String path, long size, String reason) {}
