package com.bharatbuild.edits.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * One complete operation of a model's answer (SPEC section 3).
 *
 * @param header the opening tag's attributes; must not be null
 * @param description the {@code <description>} text, stripped, empty when missing; must not be null
 * @param diff the {@code <diff>} body, without the one newline right after the opening tag; must
 *     not be null
 * @param content the {@code <content>} body, likewise; must not be null
 */
public record Operation(
    OperationHeader header, String description, Optional<String> diff, Optional<String> content) {

  public Operation {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(diff, "diff");
    Objects.requireNonNull(content, "content");
  }

  /** An operation built directly, without markup, for callers and tests. */
  public static Operation of(
      String type, String path, Optional<String> diff, Optional<String> content) {
    return new Operation(new OperationHeader(0, type, path, Optional.empty()), "", diff, content);
  }

  /** A rename built directly, without markup. */
  public static Operation rename(String path, String to) {
    return new Operation(
        new OperationHeader(0, "rename", path, Optional.of(to)),
        "",
        Optional.empty(),
        Optional.empty());
  }
}
