package com.bharatbuild.execution.kubernetes;

import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starts commands in a workspace pod's container through the API server's exec stream. */
final class PodExec {

  private final WorkspacePods pods;

  PodExec(WorkspacePods pods) {
    this.pods = pods;
  }

  /** A command with stdin and stdout attached, and a terminal if asked. */
  ExecWatch interactive(String pod, boolean terminal, List<String> command) {
    var streams = container(pod).redirectingInput().redirectingOutput();
    String[] line = command.toArray(String[]::new);
    return terminal ? streams.withTTY().exec(line) : streams.exec(line);
  }

  /** A command that reads what the server writes to its stdin. */
  ExecWatch writing(String pod, List<String> command) {
    return container(pod).redirectingInput().exec(command.toArray(String[]::new));
  }

  /** A command whose stdout the server reads. */
  ExecWatch reading(String pod, List<String> command) {
    return container(pod).redirectingOutput().exec(command.toArray(String[]::new));
  }

  /** Runs a command with no streams and returns its exit code. */
  int run(String pod, List<String> command, Duration timeout) throws IOException {
    try (ExecWatch watch = container(pod).exec(command.toArray(String[]::new))) {
      return exitCode(watch, timeout);
    }
  }

  static int exitCode(ExecWatch watch, Duration timeout) throws IOException {
    try {
      Integer code = watch.exitCode().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return code == null ? -1 : code;
    } catch (ExecutionException e) {
      throw new IOException("The command's stream to the pod failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("The command in the pod did not end within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while waiting for the pod", e);
    }
  }

  private ContainerResource container(String pod) {
    return pods.pod(pod).inContainer(WorkspacePods.CONTAINER);
  }
}
