package com.bharatbuild.execution.problems;

/**
 * A problem a tool reported in a command's output.
 *
 * @param file the path relative to the project
 * @param line 1-based; 0 when the tool named no line
 * @param column 1-based; 0 when the tool named no column
 * @param severity {@code error}, {@code warning} or {@code info}
 * @param source the tool: {@code tsc}, {@code eslint}, {@code vite}, {@code esbuild}, {@code
 *     webpack}, {@code javac}, {@code maven}, {@code python}, {@code node}
 */
public record Problem(
    String file, int line, int column, String severity, String message, String source) {}
