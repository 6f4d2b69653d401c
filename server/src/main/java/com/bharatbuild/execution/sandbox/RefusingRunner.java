package com.bharatbuild.execution.sandbox;

/** Stands in for the sandbox where commands cannot be isolated: every start says why not. */
public final class RefusingRunner implements SandboxRunner {

  private final String reason;

  public RefusingRunner(String reason) {
    this.reason = reason;
  }

  @Override
  public String name() {
    return "unavailable";
  }

  @Override
  public void requireAvailable() {
    throw new SandboxUnavailable("Commands cannot run on this server: " + reason);
  }

  @Override
  public SandboxProcess start(SandboxSpec spec) {
    requireAvailable();
    throw new IllegalStateException("unreachable");
  }
}
