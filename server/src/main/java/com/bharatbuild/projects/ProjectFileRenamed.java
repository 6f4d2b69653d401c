package com.bharatbuild.projects;

import java.util.UUID;

/**
 * A file moved. The move also publishes the old path's deletion and the new path's creation, for
 * listeners that only mirror content.
 */
public record ProjectFileRenamed(
    UUID projectId, UUID userId, String from, String to, int version) {}
