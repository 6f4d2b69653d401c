package com.bharatbuild.projects;

import java.time.OffsetDateTime;

/**
 * A file without its content.
 *
 * @param size the content's length in UTF-8 bytes
 */
public record FileSummary(
    String path, String language, int size, int version, OffsetDateTime updatedAt) {}
