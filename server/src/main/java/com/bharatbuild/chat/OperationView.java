package com.bharatbuild.chat;

import org.jspecify.annotations.Nullable;

/**
 * A file operation of an AI reply as clients see it.
 *
 * @param status {@code pending}, {@code in-progress}, {@code complete} or {@code error}
 * @param patch the change as a unified diff, once applied
 * @param error why the operation failed, in words a person and a model can act on
 */
public record OperationView(
    String id,
    String type,
    String path,
    @Nullable String to,
    String description,
    String status,
    @Nullable String patch,
    @Nullable String error) {

  OperationView withStatus(String newStatus, @Nullable String newPatch, @Nullable String newError) {
    return new OperationView(id, type, path, to, description, newStatus, newPatch, newError);
  }
}
