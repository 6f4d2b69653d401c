package com.bharatbuild.edits.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * The opening tag of one operation in a model's answer.
 *
 * @param index the operation's position in the answer, from 0
 * @param type the {@code type} attribute as written ({@code create}, {@code modify}, {@code
 *     delete}, {@code rename} or anything the model wrote), empty when missing; must not be null
 * @param path the {@code path} attribute, empty when missing; must not be null
 * @param to the {@code to} attribute of a rename; must not be null
 */
public record OperationHeader(int index, String type, String path, Optional<String> to) {

  public OperationHeader {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(to, "to");
  }
}
