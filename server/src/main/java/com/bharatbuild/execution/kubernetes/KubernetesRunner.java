package com.bharatbuild.execution.kubernetes;

import com.bharatbuild.execution.sandbox.SandboxEnvironment;
import com.bharatbuild.execution.sandbox.SandboxProcess;
import com.bharatbuild.execution.sandbox.SandboxRunner;
import com.bharatbuild.execution.sandbox.SandboxSpec;
import com.bharatbuild.execution.sandbox.SandboxUnavailable;
import com.bharatbuild.shared.jobs.JobLocks;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs each command in its workspace's pod: the pod is created on first use, the server's copy of
 * the workspace is copied in before every command and back after it ends, and the command is
 * attached through exec. Unlike bubblewrap, the network is the pod's, not the command's: every
 * command in the pod may reach DNS and the package registries, and nothing else.
 */
public final class KubernetesRunner implements SandboxRunner {

  private static final Logger log = LoggerFactory.getLogger(KubernetesRunner.class);
  private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(10);
  // the shell records its pid so that stop can signal its process group or session from outside
  private static final String WRAPPER =
      "echo $$ > \"$0\"; cd " + SandboxSpec.WORKSPACE + " || exit 1; exec \"$@\" 2>&1";
  private static final String SIGNAL =
      "p=$(cat \"$1\") || exit 0; pkill -\"$0\" -s \"$p\" 2>/dev/null"
          + " || kill -s \"$0\" -- -\"$p\" \"$p\" 2>/dev/null; exit 0";

  private final WorkspacePods pods;
  private final JobLocks jobs;
  private final PodExec exec;
  private final PodFileSync sync;
  private final Executor afterExit = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

  public KubernetesRunner(WorkspacePods pods, long maxSyncBytes, JobLocks jobs) {
    this.jobs = jobs;
    this.pods = pods;
    this.exec = new PodExec(pods);
    this.sync = new PodFileSync(exec, maxSyncBytes);
  }

  @Override
  public String name() {
    return "kubernetes";
  }

  @Override
  public SandboxProcess start(SandboxSpec spec) throws IOException {
    UUID projectId = projectOf(spec.workspace());
    String pod;
    try {
      pod = pods.ensure(projectId);
      pods.awaitReady(pod);
    } catch (KubernetesClientException | IllegalStateException e) {
      throw new SandboxUnavailable("The workspace's pod could not be started: " + e.getMessage());
    }
    running.computeIfAbsent(pod, name -> new AtomicInteger()).incrementAndGet();
    try {
      sync.upload(pod, spec.workspace(), SandboxSpec.WORKSPACE);
      sync.upload(pod, spec.control(), SandboxSpec.CONTROL);
      String pidFile = SandboxSpec.CONTROL + "/" + UUID.randomUUID() + ".pid";
      ExecWatch watch = exec.interactive(pod, spec.terminal(), commandLine(spec, pidFile));
      if (spec.terminal()) {
        watch.resize(Math.max(spec.columns(), 1), Math.max(spec.rows(), 1));
      }
      return new PodProcess(
          watch,
          spec.terminal(),
          signal ->
              exec.run(pod, List.of("/bin/sh", "-c", SIGNAL, signal, pidFile), SIGNAL_TIMEOUT),
          () -> ended(pod, spec.workspace()),
          afterExit);
    } catch (IOException | KubernetesClientException e) {
      release(pod);
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
  }

  /** Deletes the idle pods; the pods of running commands are kept and marked as used. */
  @Scheduled(
      fixedDelayString = "${bharatbuild.execution.kubernetes.reap-every:1m}",
      initialDelayString = "${bharatbuild.execution.kubernetes.reap-every:1m}")
  public void reapIdle() {
    try {
      // every instance marks the pods it runs commands in; one of them reaps the idle rest
      Set<String> busy = busyPods();
      busy.forEach(pods::touch);
      jobs.runExclusively(
          "workspace-pod-reaper",
          Duration.ofMinutes(10),
          Duration.ofSeconds(30),
          () -> pods.reapIdle(busy));
    } catch (KubernetesClientException e) {
      log.warn("Could not reap idle workspace pods: {}", e.getMessage());
    }
  }

  Set<String> busyPods() {
    return Set.copyOf(
        running.entrySet().stream()
            .filter(entry -> entry.getValue().get() > 0)
            .map(Map.Entry::getKey)
            .toList());
  }

  /**
   * The command as the pod runs it: an environment built from nothing, in the workspace, stderr
   * merged into stdout, and in a session of its own unless it has a terminal (which gives it one).
   */
  static List<String> commandLine(SandboxSpec spec, String pidFile) {
    List<String> line = new ArrayList<>(List.of("env", "-i"));
    SandboxEnvironment.of(SandboxSpec.HOME, null, spec.environment())
        .forEach((name, value) -> line.add(name + "=" + value));
    if (!spec.terminal()) {
      line.addAll(List.of("setsid", "-w"));
    }
    line.addAll(List.of("/bin/sh", "-c", WRAPPER, pidFile));
    line.addAll(spec.command());
    return line;
  }

  /**
   * Workspaces live at {@code <root>/<project>/files}, so the project, and with it the pod, is the
   * folder above.
   */
  static UUID projectOf(Path workspace) {
    Path project = workspace.toAbsolutePath().normalize().getParent();
    try {
      return UUID.fromString(String.valueOf(project == null ? "" : project.getFileName()));
    } catch (IllegalArgumentException e) {
      throw new SandboxUnavailable("Not a project's workspace: " + workspace);
    }
  }

  private void ended(String pod, Path workspace) {
    try {
      sync.download(pod, SandboxSpec.WORKSPACE, workspace);
      pods.touch(pod);
    } catch (IOException | KubernetesClientException e) {
      log.warn("Files of pod {} not copied back: {}", pod, e.getMessage());
    } finally {
      release(pod);
    }
  }

  private void release(String pod) {
    running.computeIfPresent(pod, (name, count) -> count.decrementAndGet() <= 0 ? null : count);
  }
}
