package com.bharatbuild.execution.sandbox;

import java.io.IOException;

/**
 * Starts commands isolated from the server and from each other. Bubblewrap on one machine; a
 * container per workspace is the other implementation this port exists for.
 */
public interface SandboxRunner {

  /** A name for logs and the health of the install: {@code bubblewrap}, {@code none}. */
  String name();

  /**
   * @throws SandboxUnavailable when commands cannot be isolated here, so a request fails before
   *     anything is recorded
   */
  default void requireAvailable() {}

  /**
   * Starts the command.
   *
   * @throws SandboxUnavailable when commands cannot be isolated here
   */
  SandboxProcess start(SandboxSpec spec) throws IOException;

  /** The workspace's path as the command sees it. */
  default String seenWorkspace(java.nio.file.Path workspace) {
    return SandboxSpec.WORKSPACE;
  }

  /** The control folder's path as the command sees it. */
  default String seenControl(java.nio.file.Path control) {
    return SandboxSpec.CONTROL;
  }
}
