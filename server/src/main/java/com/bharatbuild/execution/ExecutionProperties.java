package com.bharatbuild.execution;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the sandbox, workspaces, terminal and preview.
 *
 * @param sandbox {@code auto} (bubblewrap, refusing to run without it), {@code bubblewrap}, or
 *     {@code none} for a single-user local install that accepts running commands unisolated, or
 *     {@code kubernetes} for a pod per workspace (see {@code bharatbuild.execution.kubernetes})
 * @param workspaceRoot where workspaces live; empty means {@code workspaces} under the data folder
 * @param sandboxUid when the server runs as root, the unprivileged user commands run as
 * @param javaHome the JDK commands see as {@code java}; empty means the server's own
 * @param extraReadOnlyPaths more host folders (toolchains outside /usr) shown read-only
 */
@ConfigurationProperties("bharatbuild.execution")
public record ExecutionProperties(
    @DefaultValue("auto") String sandbox,
    @DefaultValue("") String workspaceRoot,
    @DefaultValue("65534") int sandboxUid,
    @DefaultValue("") String javaHome,
    @DefaultValue List<String> extraReadOnlyPaths,
    @DefaultValue Limits limits,
    @DefaultValue Terminal terminal,
    @DefaultValue Preview preview) {

  /**
   * Per-command limits. CPU time is what a command may burn, not how long it may run, so an idle
   * dev server lives on.
   */
  public record Limits(
      @DefaultValue("3600") long cpuSeconds,
      @DefaultValue("4GB") DataSize memory,
      @DefaultValue("256") int processes,
      @DefaultValue("512MB") DataSize fileSize,
      @DefaultValue("2MB") DataSize outputPerSecond,
      @DefaultValue("4MB") DataSize keptLog,
      @DefaultValue("4") int concurrentRunsPerProject) {}

  /** The interactive terminal. */
  public record Terminal(
      @DefaultValue("30m") Duration idleTimeout,
      @DefaultValue("256KB") DataSize scrollback,
      @DefaultValue("60s") Duration ticketTtl,
      @DefaultValue("false") boolean network) {}

  /**
   * The preview origin.
   *
   * @param port the second listener; 0 picks a free port
   * @param domain previews are served at {@code <project>.<domain>:<port>}; browsers resolve any
   *     {@code *.localhost} to this machine, so the default needs no DNS
   * @param publicUrl when set, how browsers reach the preview listener (a proxy in front of it),
   *     with {@code {project}} where the project's name goes
   */
  public record Preview(
      @DefaultValue("8081") int port,
      @DefaultValue("127.0.0.1") String bindAddress,
      @DefaultValue("localhost") String domain,
      @DefaultValue("") String publicUrl,
      @DefaultValue("12h") Duration sessionTtl) {}

  public boolean sandboxDisabled() {
    return "none".equals(sandbox);
  }

  public boolean sandboxOnKubernetes() {
    return "kubernetes".equals(sandbox);
  }

  public @Nullable String javaHomeOrNull() {
    return javaHome.isBlank() ? null : javaHome;
  }
}
