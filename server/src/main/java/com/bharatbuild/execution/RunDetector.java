package com.bharatbuild.execution;

import com.bharatbuild.projects.FileView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Works out how to run a project from its files: install, then the dev server. Node (a {@code dev}
 * or {@code start} script), Python (an entry point), Maven and Gradle.
 */
final class RunDetector {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> PYTHON_ENTRIES =
      List.of("main.py", "app.py", "server.py", "manage.py");

  private RunDetector() {}

  static Optional<RunPlan> detect(List<FileView> files) {
    Map<String, FileView> byPath =
        files.stream().collect(Collectors.toMap(FileView::path, Function.identity()));
    if (byPath.containsKey("package.json")) {
      return node(byPath);
    }
    if (byPath.containsKey("pom.xml")) {
      String maven = byPath.containsKey("mvnw") ? "sh mvnw" : "mvn";
      return Optional.of(
          new RunPlan(
              "Maven: package, then run",
              List.of(
                  new RunPlan.Step(maven + " -B -q -DskipTests package", true),
                  new RunPlan.Step(maven + " -B -o -q spring-boot:run", false))));
    }
    if (byPath.containsKey("build.gradle") || byPath.containsKey("build.gradle.kts")) {
      String gradle = byPath.containsKey("gradlew") ? "sh gradlew" : "gradle";
      return Optional.of(
          new RunPlan(
              "Gradle: build, then run",
              List.of(
                  new RunPlan.Step(gradle + " -q assemble", true),
                  new RunPlan.Step(gradle + " -q --offline bootRun", false))));
    }
    return python(byPath);
  }

  private static Optional<RunPlan> node(Map<String, FileView> byPath) {
    JsonNode scripts;
    try {
      scripts = JSON.readTree(byPath.get("package.json").content()).path("scripts");
    } catch (JacksonException unreadable) {
      return Optional.empty();
    }
    String manager =
        byPath.containsKey("pnpm-lock.yaml")
            ? "pnpm"
            : byPath.containsKey("yarn.lock") ? "yarn" : "npm";
    String script = scripts.has("dev") ? "dev" : scripts.has("start") ? "start" : null;
    if (script == null) {
      return Optional.empty();
    }
    String install =
        manager.equals("npm") && byPath.containsKey("package-lock.json")
            ? "npm ci"
            : manager + " install";
    String run = manager.equals("yarn") ? "yarn " + script : manager + " run " + script;
    return Optional.of(
        new RunPlan(
            install + " && " + run,
            List.of(new RunPlan.Step(install, true), new RunPlan.Step(run, false))));
  }

  private static Optional<RunPlan> python(Map<String, FileView> byPath) {
    Optional<String> entry = PYTHON_ENTRIES.stream().filter(byPath::containsKey).findFirst();
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    List<RunPlan.Step> steps = new ArrayList<>();
    String python = "python3";
    if (byPath.containsKey("requirements.txt")) {
      steps.add(
          new RunPlan.Step(
              "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt", true));
      python = ".venv/bin/python";
    }
    String start =
        entry.get().equals("manage.py")
            ? python + " manage.py runserver"
            : python + " " + entry.get();
    steps.add(new RunPlan.Step(start, false));
    return Optional.of(new RunPlan("Python: " + entry.get(), steps));
  }
}
