package com.bharatbuild.execution.sandbox;

import com.pty4j.PtyProcessBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Starts a prepared command line with pipes or a pseudo-terminal. */
final class ProcessLauncher {

  private ProcessLauncher() {}

  static SandboxProcess launch(
      List<String> commandLine, Map<String, String> environment, Path directory, SandboxSpec spec)
      throws IOException {
    if (spec.terminal()) {
      return new StartedProcess(
          new PtyProcessBuilder(commandLine.toArray(String[]::new))
              .setEnvironment(environment)
              .setDirectory(directory.toString())
              .setInitialColumns(Math.max(spec.columns(), 1))
              .setInitialRows(Math.max(spec.rows(), 1))
              .setRedirectErrorStream(true)
              .start());
    }
    ProcessBuilder builder = new ProcessBuilder(commandLine).directory(directory.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    return new StartedProcess(builder.start());
  }
}
