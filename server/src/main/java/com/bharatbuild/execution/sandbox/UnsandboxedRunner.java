package com.bharatbuild.execution.sandbox;

import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs commands directly, for a single-user local install that chose {@code sandbox=none}. The
 * environment is still built from nothing, so secrets stay out; nothing else is isolated.
 */
public final class UnsandboxedRunner implements SandboxRunner {

  private final @Nullable String javaHome;

  public UnsandboxedRunner(@Nullable String javaHome) {
    this.javaHome = javaHome;
  }

  @Override
  public String name() {
    return "none";
  }

  @Override
  public SandboxProcess start(SandboxSpec spec) throws IOException {
    Map<String, String> env =
        SandboxEnvironment.of(spec.home().toString(), javaHome, spec.environment());
    return ProcessLauncher.launch(spec.command(), env, spec.workspace(), spec);
  }

  @Override
  public String seenWorkspace(java.nio.file.Path workspace) {
    return workspace.toString();
  }

  @Override
  public String seenControl(java.nio.file.Path control) {
    return control.toString();
  }
}
