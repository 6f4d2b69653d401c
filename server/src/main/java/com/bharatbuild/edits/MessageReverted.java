package com.bharatbuild.edits;

import java.util.List;
import java.util.UUID;

/** The file operations of an AI message were undone, published inside the reverting transaction. */
public record MessageReverted(UUID projectId, UUID userId, UUID messageId, List<String> paths) {}
