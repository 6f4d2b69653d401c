package com.bharatbuild.execution.sandbox;

import java.io.InputStream;
import java.io.OutputStream;

/** A started sandboxed command. Its output merges stdout and stderr. */
public interface SandboxProcess {

  InputStream output();

  OutputStream input();

  /** Resizes the pseudo-terminal; ignored for piped commands. */
  void resize(int columns, int rows);

  boolean isAlive();

  /** Waits for the end and returns the exit code. */
  int waitFor() throws InterruptedException;

  /**
   * Stops the command and everything it started: politely, then after the grace period by force.
   */
  void stop(java.time.Duration grace);
}
