package com.bharatbuild.execution.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bharatbuild.execution.sandbox.SandboxSpec;
import com.bharatbuild.execution.sandbox.SandboxUnavailable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KubernetesRunnerTest {

  private static SandboxSpec spec(boolean terminal) {
    UUID project = UUID.fromString("5d1f3c9e-0000-4000-8000-000000000001");
    Path root = Path.of("/data/workspaces", project.toString());
    return new SandboxSpec(
        root.resolve("files"),
        root.resolve("home"),
        Path.of("/tmp/bbctl/x"),
        List.of("npm", "run", "dev"),
        Map.of("PORT", "3000"),
        false,
        terminal,
        80,
        24);
  }

  @Test
  void aCommandStartsFromAnEmptyEnvironmentInItsOwnSession() {
    List<String> line = KubernetesRunner.commandLine(spec(false), "/run/bharatbuild/a.pid");

    assertThat(line.subList(0, 2)).containsExactly("env", "-i");
    assertThat(line).contains("HOME=/home/sandbox", "PORT=3000").doesNotContain("JAVA_HOME");
    assertThat(line).containsSubsequence("setsid", "-w", "/bin/sh", "-c");
    assertThat(line.subList(line.size() - 4, line.size()))
        .containsExactly("/run/bharatbuild/a.pid", "npm", "run", "dev");
  }

  @Test
  void aTerminalKeepsTheSessionTheTerminalGivesIt() {
    assertThat(KubernetesRunner.commandLine(spec(true), "/run/bharatbuild/a.pid"))
        .doesNotContain("setsid");
  }

  @Test
  void thePodIsTheWorkspacesProject() {
    assertThat(KubernetesRunner.projectOf(spec(false).workspace()))
        .isEqualTo(UUID.fromString("5d1f3c9e-0000-4000-8000-000000000001"));
    assertThatThrownBy(() -> KubernetesRunner.projectOf(Path.of("/tmp/scratch")))
        .isInstanceOf(SandboxUnavailable.class);
  }
}
