package com.bharatbuild.edits;

import org.jspecify.annotations.Nullable;

/**
 * One file operation as the model wrote it (SPEC section 3).
 *
 * @param type {@code create}, {@code modify}, {@code delete} or {@code rename}
 * @param to the new path of a rename
 * @param diff a unified diff, for {@code modify} (or {@code create} from /dev/null)
 * @param content the whole new file, for {@code create} or a {@code modify} without diff
 */
public record FileOperation(
    String type,
    String path,
    @Nullable String to,
    @Nullable String diff,
    @Nullable String content) {}
