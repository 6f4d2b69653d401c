package com.bharatbuild.projects;

import org.jspecify.annotations.Nullable;

/**
 * What one AI message did to one path.
 *
 * @param before the content before the message's first change, null when the file did not exist
 * @param after the content after the message's last change, null when it deleted the file
 */
public record FileHistory(String path, @Nullable String before, @Nullable String after) {}
