package com.bharatbuild.execution.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The plumbing of a command in a pod over a fabricated exec stream: the mock server runs no
 * containers, so nothing there would answer a signal or end a command.
 */
class KubernetesPodProcessTest {

  /** An exec stream whose command ends when the test says so. */
  static final class FakeWatch implements ExecWatch {
    final CompletableFuture<Integer> exit = new CompletableFuture<>();
    final ByteArrayOutputStream input = new ByteArrayOutputStream();
    final List<String> resized = new CopyOnWriteArrayList<>();
    final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public OutputStream getInput() {
      return input;
    }

    @Override
    public InputStream getOutput() {
      return new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public InputStream getError() {
      return InputStream.nullInputStream();
    }

    @Override
    public InputStream getErrorChannel() {
      return InputStream.nullInputStream();
    }

    @Override
    public void close() {
      closed.set(true);
    }

    @Override
    public void resize(int columns, int rows) {
      resized.add(columns + "x" + rows);
    }

    @Override
    public CompletableFuture<Integer> exitCode() {
      return exit;
    }
  }

  private final FakeWatch watch = new FakeWatch();
  private final List<String> signals = new CopyOnWriteArrayList<>();
  private final AtomicBoolean copiedBack = new AtomicBoolean();

  private PodProcess process(boolean terminal, PodProcess.Signaller signaller) {
    return new PodProcess(
        watch,
        terminal,
        signaller,
        () -> copiedBack.set(true),
        Executors.newVirtualThreadPerTaskExecutor());
  }

  @Test
  void streamsAndTheExitCodeComeFromTheExecStream() throws Exception {
    PodProcess process = process(false, signals::add);

    process.input().write("typed".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(process.output().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("hello\n");
    assertThat(watch.input.toString(StandardCharsets.UTF_8)).isEqualTo("typed");
    assertThat(process.isAlive()).isTrue();

    watch.exit.complete(7);

    assertThat(process.waitFor()).isEqualTo(7);
    assertThat(copiedBack).as("files copied back before the exit code is given").isTrue();
    assertThat(process.isAlive()).isFalse();
  }

  @Test
  void aLostStreamEndsTheCommandWithoutAnExitCode() throws Exception {
    PodProcess process = process(false, signals::add);

    watch.exit.completeExceptionally(new RuntimeException("connection reset"));

    assertThat(process.waitFor()).isEqualTo(PodProcess.LOST);
    assertThat(copiedBack).isTrue();
  }

  @Test
  void onlyATerminalIsResized() {
    process(false, signals::add).resize(100, 30);
    assertThat(watch.resized).isEmpty();

    process(true, signals::add).resize(100, 30);
    assertThat(watch.resized).containsExactly("100x30");
  }

  @Test
  void stopSignalsPolitelyAndThenByForce() {
    PodProcess process = process(false, signals::add);

    process.stop(Duration.ofMillis(50));

    assertThat(signals).containsExactly("TERM", "KILL");
    assertThat(watch.closed).isTrue();
  }

  @Test
  void aCommandThatEndsOnTermIsNotKilled() {
    PodProcess process =
        process(
            false,
            signal -> {
              signals.add(signal);
              watch.exit.complete(143);
            });

    process.stop(Duration.ofSeconds(5));

    assertThat(signals).containsExactly("TERM");
  }
}
