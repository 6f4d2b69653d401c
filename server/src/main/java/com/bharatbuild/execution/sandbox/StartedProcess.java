package com.bharatbuild.execution.sandbox;

import com.pty4j.PtyProcess;
import com.pty4j.WinSize;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command started by a runner, with or without a pseudo-terminal. Stopping signals the whole tree
 * as the host sees it; inside a PID namespace, killing the namespace's first process takes the rest
 * with it, so nothing the command forked survives.
 */
final class StartedProcess implements SandboxProcess {

  private final Process process;

  StartedProcess(Process process) {
    this.process = process;
  }

  @Override
  public InputStream output() {
    return process.getInputStream();
  }

  @Override
  public OutputStream input() {
    return process.getOutputStream();
  }

  @Override
  public void resize(int columns, int rows) {
    if (process instanceof PtyProcess pty && process.isAlive()) {
      pty.setWinSize(new WinSize(Math.max(columns, 1), Math.max(rows, 1)));
    }
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  @Override
  public void stop(Duration grace) {
    List<ProcessHandle> tree = descendants();
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)
          && tree.stream().noneMatch(ProcessHandle::isAlive)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    descendants().forEach(ProcessHandle::destroyForcibly);
    tree.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** The processes the command started, found by its pid (pty4j's process has no handle). */
  private List<ProcessHandle> descendants() {
    try {
      return ProcessHandle.of(process.pid())
          .map(handle -> handle.descendants().toList())
          .orElse(List.of());
    } catch (UnsupportedOperationException unknownPid) {
      return List.of();
    }
  }
}
