package com.bharatbuild.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.execution.sandbox.BubblewrapRunner;
import com.bharatbuild.execution.sandbox.SandboxProcess;
import com.bharatbuild.execution.sandbox.SandboxSpec;
import com.bharatbuild.execution.sandbox.SandboxUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile command can and cannot do under the bubblewrap sandbox. Each test would fail if
 * the protection it names were removed from {@link BubblewrapRunner}.
 */
@ExtendWith(RequiresSandbox.class)
class SandboxSecurityTest {

  @TempDir Path data;
  Path workspace;
  Path home;
  Path control;
  BubblewrapRunner runner;
  SandboxUser user = SandboxUser.forServer(65534);

  @BeforeEach
  void prepare() throws IOException {
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx--x--x"));
    workspace = Files.createDirectory(data.resolve("files"));
    home = Files.createDirectory(data.resolve("home"));
    control = Files.createDirectory(data.resolve("control"));
    for (Path folder : List.of(workspace, home, control)) {
      user.own(folder);
    }
    Files.writeString(data.resolve("secret.txt"), "server secret");
    runner =
        new BubblewrapRunner(
            BubblewrapRunner.find(),
            user,
            new BubblewrapRunner.Limits(30, 2L << 30, 64, 10L << 20),
            null,
            List.of());
  }

  private record Result(int exitCode, String output) {}

  private Result run(String script, boolean network) throws Exception {
    SandboxProcess process =
        runner.start(
            new SandboxSpec(
                workspace,
                home,
                control,
                List.of("/bin/sh", "-c", script),
                Map.of(),
                network,
                false,
                0,
                0));
    process.input().close();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    process.output().transferTo(output);
                  } catch (IOException ignored) {
                    // ended
                  }
                });
    int code = process.waitFor();
    reader.join(5_000);
    return new Result(code, output.toString(StandardCharsets.UTF_8));
  }

  @Test
  void commandsSeeOnlyTheirWorkspaceAndTheSystemReadOnly() throws Exception {
    Result result =
        run(
            "ls / ; cat "
                + data.resolve("secret.txt")
                + " ; ls /root ; echo x > /usr/bin/evil;"
                + " echo y > /etc/evil; id -u; touch /workspace/ok && echo wrote",
            false);

    assertThat(result.output())
        .doesNotContain("server secret")
        .contains("wrote")
        .contains(user.switches() ? "65534" : "");
    assertThat(Files.exists(Path.of("/usr/bin/evil"))).isFalse();
    assertThat(Files.exists(Path.of("/etc/evil"))).isFalse();
    assertThat(Files.exists(workspace.resolve("ok"))).isTrue();
  }

  @Test
  void theEnvironmentHoldsNoneOfTheServersVariables() throws Exception {
    Result result = run("env", false);

    Set<String> names =
        result.output().lines().map(line -> line.split("=", 2)[0]).collect(Collectors.toSet());
    Set<String> ours =
        Set.of(
            "PATH",
            "HOME",
            "USER",
            "LANG",
            "TERM",
            "TMPDIR",
            "PYTHONUNBUFFERED",
            "BROWSER",
            "npm_config_update_notifier",
            "npm_config_fund",
            "MAVEN_OPTS",
            "GRADLE_USER_HOME",
            "PWD",
            "SHLVL",
            "_",
            "OLDPWD");
    assertThat(names).isSubsetOf(ours);
    assertThat(result.output()).doesNotContain("postgresql://").doesNotContain("redis://");
    for (String serverVariable : System.getenv().keySet()) {
      if (!ours.contains(serverVariable)) {
        assertThat(names).doesNotContain(serverVariable);
      }
    }
  }

  @Test
  void serverProcessesCannotBeSeenOrSignalled() throws Exception {
    long server = ProcessHandle.current().pid();

    Result result =
        run("kill -0 " + server + " && echo signalled; ls /proc | grep -c '^[0-9]'", false);

    assertThat(result.output()).doesNotContain("signalled");
    assertThat(Integer.parseInt(result.output().strip().lines().reduce((a, b) -> b).orElse("99")))
        .as("only the sandbox's own few processes are visible")
        .isLessThan(10);
  }

  @Test
  void withoutNetworkTheServersLoopbackServicesAreUnreachable() throws Exception {
    try (ServerSocket service = new ServerSocket(0)) {
      String probe =
          "bash -c 'exec 3<>/dev/tcp/127.0.0.1/" + service.getLocalPort() + "' && echo connected";

      assertThat(run(probe, false).output()).doesNotContain("connected");
      assertThat(run(probe, true).output())
          .as("the same probe with the network on proves the probe works")
          .contains("connected");
    }
  }

  @Test
  void aForkBombIsContainedAndStopped() throws Exception {
    SandboxProcess bomb =
        runner.start(
            new SandboxSpec(
                workspace,
                home,
                control,
                List.of("/bin/bash", "-c", "b(){ b|b& }; b; sleep 60"),
                Map.of(),
                false,
                false,
                0,
                0));
    Thread.sleep(2_000);

    bomb.stop(Duration.ofSeconds(1));

    assertThat(bomb.isAlive()).isFalse();
    assertThat(run("echo still-works", false).output()).contains("still-works");
  }

  @Test
  void aMemoryHogHitsItsLimit() throws Exception {
    Result result =
        run(
            "command -v python3 && python3 -c 'b = bytearray(6 * 1024 ** 3); print(\"allocated\")'"
                + " || echo refused",
            false);

    assertThat(result.output())
        .contains("/usr/bin/python3")
        .doesNotContain("allocated")
        .contains("refused");
  }

  @Test
  void webAssemblyStillStartsUnderTheMemoryLimit() throws Exception {
    // V8 reserves gigabytes of address space per WebAssembly instance (Vite's bundler needs it);
    // the limit is on memory written, not on address space reserved
    Result result =
        run(
            "node -e \"new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0,97,115,109,1,0,0,0,5,3,1,0,1])));"
                + " console.log('wasm ' + 'ok')\"",
            false);

    assertThat(result.output()).contains("wasm ok");
  }

  @Test
  void removingEverythingRemovesOnlyTheWorkspace() throws Exception {
    Files.writeString(workspace.resolve("file.txt"), "x");
    user.own(workspace.resolve("file.txt"));

    run("rm -rf / 2>/dev/null; rm -rf --no-preserve-root / 2>/dev/null; true", false);

    assertThat(Files.exists(workspace.resolve("file.txt"))).isFalse();
    assertThat(Files.readString(data.resolve("secret.txt"))).isEqualTo("server secret");
    assertThat(Files.exists(Path.of("/usr/bin/env"))).isTrue();
  }

  @Test
  void aHugeFileIsCutAtTheFileSizeLimit() throws Exception {
    run("head -c 50000000 /dev/zero > big.bin; true", false);

    assertThat(Files.size(workspace.resolve("big.bin"))).isLessThanOrEqualTo(10L << 20);
  }

  @Test
  void stoppingKillsTheWholeTree() throws Exception {
    SandboxProcess process =
        runner.start(
            new SandboxSpec(
                workspace,
                home,
                control,
                List.of("/bin/sh", "-c", "(sleep 333 &) ; setsid sleep 333 & sleep 333"),
                Map.of(),
                false,
                false,
                0,
                0));
    Thread.sleep(500);

    process.stop(Duration.ofSeconds(1));
    TimeUnit.MILLISECONDS.sleep(500);

    assertThat(
            ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("sleep 333"))
                .count())
        .isZero();
  }
}
