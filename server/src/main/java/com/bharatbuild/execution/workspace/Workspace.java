package com.bharatbuild.execution.workspace;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The folders of one project on disk.
 *
 * @param files the project's files and whatever commands build beside them
 * @param home the sandbox's home, kept between commands for package caches
 * @param control shared with the sandbox for the preview socket
 */
public record Workspace(UUID projectId, UUID owner, Path files, Path home, Path control) {}
