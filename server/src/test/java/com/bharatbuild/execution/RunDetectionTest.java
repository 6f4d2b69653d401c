package com.bharatbuild.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.projects.FileView;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the Run action reads a project, which commands get the network, and port detection. */
class RunDetectionTest {

  private static List<FileView> files(String... pathsAndContents) {
    FileView[] views = new FileView[pathsAndContents.length / 2];
    for (int i = 0; i < views.length; i++) {
      views[i] =
          new FileView(
              pathsAndContents[2 * i],
              pathsAndContents[2 * i + 1],
              "text",
              1,
              1,
              OffsetDateTime.now());
    }
    return Arrays.asList(views);
  }

  private static List<String> commands(RunPlan plan) {
    return plan.steps().stream().map(RunPlan.Step::command).toList();
  }

  @Test
  void nodeProjectsInstallWithTheirPackageManagerThenRunDevOrStart() {
    RunPlan npm =
        RunDetector.detect(
                files("package.json", "{\"scripts\":{\"dev\":\"vite\",\"start\":\"x\"}}"))
            .orElseThrow();
    RunPlan locked =
        RunDetector.detect(
                files(
                    "package.json", "{\"scripts\":{\"start\":\"node index.js\"}}",
                    "package-lock.json", "{}"))
            .orElseThrow();
    RunPlan pnpm =
        RunDetector.detect(
                files("package.json", "{\"scripts\":{\"dev\":\"vite\"}}", "pnpm-lock.yaml", ""))
            .orElseThrow();

    assertThat(commands(npm)).containsExactly("npm install", "npm run dev");
    assertThat(npm.steps()).extracting(RunPlan.Step::network).containsExactly(true, false);
    assertThat(commands(locked)).containsExactly("npm ci", "npm run start");
    assertThat(commands(pnpm)).containsExactly("pnpm install", "pnpm run dev");
  }

  @Test
  void pythonMavenAndGradleAreRecognised() {
    assertThat(
            commands(
                RunDetector.detect(files("app.py", "", "requirements.txt", "flask")).orElseThrow()))
        .containsExactly(
            "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt",
            ".venv/bin/python app.py");
    assertThat(commands(RunDetector.detect(files("main.py", "print(1)")).orElseThrow()))
        .containsExactly("python3 main.py");
    assertThat(RunDetector.detect(files("pom.xml", "<project/>")).orElseThrow().steps())
        .extracting(RunPlan.Step::network)
        .containsExactly(true, false);
    assertThat(commands(RunDetector.detect(files("build.gradle", "", "gradlew", "")).orElseThrow()))
        .first()
        .asString()
        .startsWith("sh gradlew");
  }

  @Test
  void projectsWithNothingRunnableOrBrokenManifestsGiveNoPlan() {
    assertThat(RunDetector.detect(files("README.md", "hi"))).isEmpty();
    assertThat(RunDetector.detect(files("package.json", "{\"scripts\":{\"test\":\"x\"}}")))
        .isEmpty();
    assertThat(RunDetector.detect(files("package.json", "{not json"))).isEmpty();
  }

  @Test
  void onlyPackageInstallsGetTheNetwork() {
    assertThat(InstallCommands.fetchesPackages("npm install")).isTrue();
    assertThat(InstallCommands.fetchesPackages("npm i lodash")).isTrue();
    assertThat(InstallCommands.fetchesPackages("yarn add react")).isTrue();
    assertThat(InstallCommands.fetchesPackages("pip install flask")).isTrue();
    assertThat(InstallCommands.fetchesPackages("./mvnw -B -q package")).isTrue();
    assertThat(InstallCommands.fetchesPackages("npm run dev")).isFalse();
    assertThat(InstallCommands.fetchesPackages("curl http://127.0.0.1:5432")).isFalse();
    assertThat(InstallCommands.fetchesPackages("echo npm install")).isFalse();
    assertThat(InstallCommands.fetchesPackages("node server.js")).isFalse();
  }

  @Test
  void portsAreFoundInWhatDevServersPrint() {
    assertThat(
            PortDetector.detect(
                "  \u001B[32m➜\u001B[39m  Local:   http://localhost:\u001B[1m5173\u001B[22m/"))
        .as("Vite colours the port")
        .hasValue(5173);
    assertThat(PortDetector.detect("  ➜  Local:   http://localhost:5173/")).hasValue(5173);
    assertThat(PortDetector.detect("Server listening on port 8000")).hasValue(8000);
    assertThat(PortDetector.detect(" * Running on http://127.0.0.1:5000")).hasValue(5000);
    assertThat(PortDetector.detect("Tomcat started on port 8080 (http) with context path '/'"))
        .hasValue(8080);
    assertThat(PortDetector.detect("compiled 12 modules in 300 ms")).isEmpty();
  }
}
