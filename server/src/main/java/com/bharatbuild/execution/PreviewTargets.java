package com.bharatbuild.execution;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Where each project's dev server can be reached: the sandbox's bridge socket and the port. */
public class PreviewTargets {

  /**
   * @param owner the sandbox a run or terminal started; only it may clear the target
   */
  public record Target(Path socket, int port, Object owner) {}

  private final Map<UUID, Target> targets = new ConcurrentHashMap<>();

  void set(UUID projectId, Target target) {
    targets.put(projectId, target);
  }

  void clear(UUID projectId, Object owner) {
    targets.computeIfPresent(projectId, (id, target) -> target.owner() == owner ? null : target);
  }

  public Optional<Target> of(UUID projectId) {
    return Optional.ofNullable(targets.get(projectId));
  }
}
