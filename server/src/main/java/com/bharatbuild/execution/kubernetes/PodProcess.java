package com.bharatbuild.execution.kubernetes;

import com.bharatbuild.execution.sandbox.SandboxProcess;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command running in a pod, seen through its exec stream. Closing the stream does not end a
 * command in the container, so stopping signals its process group in the pod through a second exec.
 * The end counts once {@code afterExit} (copying the files back) has run, so whoever waits for the
 * exit code finds the files on the server.
 */
final class PodProcess implements SandboxProcess {

  /** Sends a signal ({@code TERM}, {@code KILL}) to the command and everything it started. */
  interface Signaller {
    void signal(String signal) throws Exception;
  }

  static final int LOST = -1;
  private static final Logger log = LoggerFactory.getLogger(PodProcess.class);
  private static final Duration AFTER_KILL = Duration.ofSeconds(5);

  private final ExecWatch watch;
  private final boolean terminal;
  private final Signaller signaller;
  private final CompletableFuture<Integer> ended;

  PodProcess(
      ExecWatch watch, boolean terminal, Signaller signaller, Runnable afterExit, Executor after) {
    this.watch = watch;
    this.terminal = terminal;
    this.signaller = signaller;
    this.ended =
        watch
            .exitCode()
            .handle((code, failure) -> failure != null || code == null ? LOST : code)
            .thenApplyAsync(
                code -> {
                  try {
                    afterExit.run();
                  } catch (RuntimeException e) {
                    log.warn("After a command in a pod: {}", e.getMessage());
                  }
                  return code;
                },
                after);
  }

  @Override
  public InputStream output() {
    return watch.getOutput();
  }

  @Override
  public OutputStream input() {
    return watch.getInput();
  }

  @Override
  public void resize(int columns, int rows) {
    if (terminal && isAlive()) {
      watch.resize(Math.max(columns, 1), Math.max(rows, 1));
    }
  }

  @Override
  public boolean isAlive() {
    return !ended.isDone();
  }

  @Override
  public int waitFor() throws InterruptedException {
    try {
      return ended.get();
    } catch (ExecutionException e) {
      return LOST;
    }
  }

  @Override
  public void stop(Duration grace) {
    if (!watch.exitCode().isDone()) {
      send("TERM");
      if (!exitedWithin(grace)) {
        send("KILL");
        exitedWithin(AFTER_KILL);
      }
    }
    // a stream to a command that will not end (the pod is gone) is given up
    watch.close();
  }

  private void send(String signal) {
    try {
      signaller.signal(signal);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("Could not send {} to a command in a pod: {}", signal, e.getMessage());
    }
  }

  private boolean exitedWithin(Duration wait) {
    try {
      watch.exitCode().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
