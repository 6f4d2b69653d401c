package com.bharatbuild.shared.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The folder where an embedded install keeps its database, secrets and workspaces. */
@Component
public class DataDirectory {

  private final Path root;

  public DataDirectory(@Value("${bharatbuild.data-dir:./data}") String root) {
    this.root = Path.of(root).toAbsolutePath().normalize();
  }

  /** The folder, created if missing; never null. */
  public Path root() {
    try {
      return Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data directory " + root, e);
    }
  }

  public Path resolve(String name) {
    return root().resolve(name);
  }
}
