package com.bharatbuild.execution.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs each command under bubblewrap: new user, PID, IPC, UTS and (unless installing) network
 * namespaces; the system folders read-only; the workspace, a home for caches and the control folder
 * read-write at fixed paths; a private {@code /tmp}; no capabilities; an environment built from
 * nothing; resource limits set by {@code prlimit} before bubblewrap starts, so they bind the whole
 * tree.
 */
public final class BubblewrapRunner implements SandboxRunner {

  /** The limits of one command. */
  public record Limits(long cpuSeconds, long memoryBytes, int processes, long fileSizeBytes) {}

  private static final List<String> SYSTEM_LINKS = List.of("bin", "sbin", "lib", "lib64", "lib32");

  private final Path bwrap;
  private final SandboxUser user;
  private final Limits limits;
  private final @Nullable String javaHome;
  private final List<Path> extraReadOnly;

  public BubblewrapRunner(
      Path bwrap,
      SandboxUser user,
      Limits limits,
      @Nullable String javaHome,
      List<Path> extraReadOnly) {
    this.bwrap = bwrap;
    this.user = user;
    this.limits = limits;
    this.javaHome = javaHome;
    this.extraReadOnly = List.copyOf(extraReadOnly);
  }

  /** Where bubblewrap is installed, if it is. */
  public static @Nullable Path find() {
    for (String dir : List.of("/usr/bin", "/usr/local/bin", "/bin")) {
      Path candidate = Path.of(dir, "bwrap");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * Whether bubblewrap can create its namespaces here (some kernels and containers forbid user
   * namespaces), as a reason when it cannot.
   */
  public @Nullable String probe(Path scratch) {
    try {
      Files.createDirectories(scratch);
      for (Path dir : List.of(scratch)) {
        user.own(dir);
      }
      SandboxSpec spec =
          new SandboxSpec(
              scratch, scratch, scratch, List.of("/bin/true"), Map.of(), false, false, 0, 0);
      Process process = new ProcessBuilder(commandLine(spec)).redirectErrorStream(true).start();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "bubblewrap did not start a test command within 10 seconds";
      }
      String output = new String(process.getInputStream().readAllBytes()).strip();
      if (process.exitValue() == 0) {
        return null;
      }
      if (output.contains("Permission denied") && user.switches()) {
        return "the sandbox's user (uid "
            + user.uid()
            + ") cannot reach the workspaces folder "
            + scratch.getParent()
            + "; make the folders above it searchable (chmod o+x) or move the data folder ("
            + output
            + ")";
      }
      return "bubblewrap cannot create its namespaces here (" + output + ")";
    } catch (IOException e) {
      return "bubblewrap could not be started: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while testing bubblewrap";
    }
  }

  @Override
  public String name() {
    return "bubblewrap";
  }

  @Override
  public SandboxProcess start(SandboxSpec spec) throws IOException {
    Map<String, String> hostEnvironment = Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    return ProcessLauncher.launch(commandLine(spec), hostEnvironment, spec.workspace(), spec);
  }

  /** The full host command line: user switch, limits, then bubblewrap and the command. */
  List<String> commandLine(SandboxSpec spec) {
    List<String> line = new ArrayList<>();
    if (user.switches()) {
      String id = Integer.toString(user.uid());
      line.addAll(
          List.of(
              "setpriv",
              "--reuid=" + id,
              "--regid=" + id,
              "--clear-groups",
              "--inh-caps=-all",
              "--"));
    }
    line.addAll(
        List.of(
            "prlimit",
            "--cpu=" + limits.cpuSeconds(),
            "--data=" + limits.memoryBytes(),
            "--nproc=" + limits.processes(),
            "--fsize=" + limits.fileSizeBytes(),
            "--nofile=4096",
            "--core=0",
            "--"));
    line.add(bwrap.toString());
    line.addAll(
        List.of(
            "--die-with-parent",
            "--unshare-user",
            "--unshare-pid",
            "--unshare-ipc",
            "--unshare-uts",
            "--unshare-cgroup-try",
            "--hostname",
            "sandbox",
            "--cap-drop",
            "ALL"));
    if (!spec.network()) {
      line.add("--unshare-net");
    }
    if (!spec.terminal()) {
      // a command without a terminal of its own must not reach the server's (TIOCSTI)
      line.add("--new-session");
    }
    line.addAll(List.of("--ro-bind", "/usr", "/usr"));
    for (String link : SYSTEM_LINKS) {
      Path host = Path.of("/", link);
      if (Files.isSymbolicLink(host)) {
        line.addAll(List.of("--symlink", "usr/" + link, "/" + link));
      } else if (Files.isDirectory(host)) {
        line.addAll(List.of("--ro-bind", host.toString(), host.toString()));
      }
    }
    line.addAll(List.of("--ro-bind", "/etc", "/etc"));
    for (Path extra : extraReadOnly) {
      line.addAll(List.of("--ro-bind-try", extra.toString(), extra.toString()));
    }
    if (javaHome != null && !javaHome.startsWith("/usr/")) {
      line.addAll(List.of("--ro-bind-try", javaHome, javaHome));
    }
    line.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
    line.addAll(List.of("--bind", spec.workspace().toString(), SandboxSpec.WORKSPACE));
    line.addAll(List.of("--bind", spec.home().toString(), SandboxSpec.HOME));
    line.addAll(List.of("--bind", spec.control().toString(), SandboxSpec.CONTROL));
    line.addAll(List.of("--chdir", SandboxSpec.WORKSPACE, "--clearenv"));
    SandboxEnvironment.of(SandboxSpec.HOME, javaHome, spec.environment())
        .forEach((name, value) -> line.addAll(List.of("--setenv", name, value)));
    line.add("--");
    line.addAll(spec.command());
    return line;
  }
}
