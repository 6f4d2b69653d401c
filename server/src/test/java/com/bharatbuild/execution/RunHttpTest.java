package com.bharatbuild.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.HttpTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Runs through the API, in the real sandbox: output, files coming back, stop, problems. */
@ExtendWith(RequiresSandbox.class)
class RunHttpTest extends HttpTest {

  private JsonNode startRun(Session session, UUID project, Map<String, String> body) {
    Response response = api.post(runs(project), body, session.accessToken());
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  private JsonNode awaitEnd(Session session, UUID project, String runId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode run = api.get(runs(project) + "/" + runId, session.accessToken()).json();
      if (!run.get("status").asString().equals("running")) {
        return run;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("run " + runId + " did not end");
  }

  private static String runs(UUID project) {
    return "/api/v1/projects/" + project + "/runs";
  }

  @Test
  void aCommandSeesTheProjectsFilesAndWhatItWritesComesBack() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "runs");
    api.post(
        "/api/v1/projects/" + project + "/files",
        Map.of("path", "src/input.txt", "content", "from the editor\n"),
        session.accessToken());

    JsonNode run =
        startRun(
            session,
            project,
            Map.of(
                "command",
                "cat src/input.txt; pwd; echo generated > out.txt; mkdir -p node_modules/x;"
                    + " echo ignored > node_modules/x/index.js; rm src/input.txt"));
    JsonNode ended = awaitEnd(session, project, run.get("id").asString());

    assertThat(ended.get("status").asString()).isEqualTo("succeeded");
    assertThat(ended.get("exitCode").asInt()).isZero();
    String log =
        api.get(runs(project) + "/" + run.get("id").asString() + "/log", session.accessToken())
            .body();
    assertThat(log).contains("from the editor").contains("/workspace");
    Response files = api.get("/api/v1/projects/" + project + "/files", session.accessToken());
    assertThat(files.body())
        .contains("\"out.txt\"")
        .doesNotContain("node_modules")
        .doesNotContain("src/input.txt");
    Response out =
        api.get("/api/v1/projects/" + project + "/files?path=out.txt", session.accessToken());
    assertThat(out.json().get("content").asString()).isEqualTo("generated\n");
  }

  @Test
  void binaryFilesStayOnDiskAndAreListedAndEditsReachTheDiskAtOnce() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "binary");
    JsonNode first =
        startRun(
            session,
            project,
            Map.of("command", "printf 'PNG\\000\\001' > logo.png; echo x > a.txt"));
    awaitEnd(session, project, first.get("id").asString());
    Response edited =
        api.put(
            "/api/v1/projects/" + project + "/files",
            Map.of("path", "a.txt", "content", "edited in the editor\n", "expectedVersion", 1),
            session.accessToken());
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);

    JsonNode second = startRun(session, project, Map.of("command", "cat a.txt"));
    awaitEnd(session, project, second.get("id").asString());

    assertThat(
            api.get(
                    runs(project) + "/" + second.get("id").asString() + "/log",
                    session.accessToken())
                .body())
        .contains("edited in the editor");
    assertThat(api.get("/api/v1/projects/" + project + "/files", session.accessToken()).body())
        .doesNotContain("logo.png");
    JsonNode diskOnly =
        api.get("/api/v1/projects/" + project + "/workspace/disk-only", session.accessToken())
            .json();
    assertThat(diskOnly).hasSize(1);
    assertThat(diskOnly.get(0).get("path").asString()).isEqualTo("logo.png");
    assertThat(diskOnly.get(0).get("reason").asString()).isEqualTo("binary");
  }

  @Test
  void aFailingCommandEndsFailedWithItsExitCode() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "fails");

    JsonNode run = startRun(session, project, Map.of("command", "echo about to fail; exit 3"));
    JsonNode ended = awaitEnd(session, project, run.get("id").asString());

    assertThat(ended.get("status").asString()).isEqualTo("failed");
    assertThat(ended.get("exitCode").asInt()).isEqualTo(3);
    assertThat(api.get(runs(project), session.accessToken()).json().get(0).get("id").asString())
        .isEqualTo(run.get("id").asString());
  }

  @Test
  void stoppingARunKillsEverythingItStarted() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "stops");
    JsonNode run =
        startRun(
            session, project, Map.of("command", "sleep 300 & sleep 300 & echo sta''rted; wait"));
    String path = runs(project) + "/" + run.get("id").asString();
    awaitLog(session, path, "started");

    long before = System.nanoTime();
    assertThat(api.delete(path, session.accessToken()).status()).isEqualTo(202);
    JsonNode ended = awaitEnd(session, project, run.get("id").asString());

    assertThat(ended.get("status").asString()).isEqualTo("stopped");
    assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
    // the kernel tears the sandbox's PID namespace down just after its first process exits
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    long left = sleepers();
    while (left > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      left = sleepers();
    }
    assertThat(left).as("processes the run started, still alive 5 s after it stopped").isZero();
  }

  private static long sleepers() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains("sleep 300"))
        .count();
  }

  @Test
  void anEndlessOutputLoopIsSlowedAndItsLogStaysSmall() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "flood");
    JsonNode run = startRun(session, project, Map.of("command", "yes flooding-the-server"));
    String path = runs(project) + "/" + run.get("id").asString();
    Thread.sleep(3_000);

    int logLength = api.get(path + "/log", session.accessToken()).body().length();
    assertThat(api.delete(path, session.accessToken()).status()).isEqualTo(202);
    JsonNode ended = awaitEnd(session, project, run.get("id").asString());

    // 3 s at 2 MB/s plus one burst, and never more than the kept log
    assertThat(logLength).isBetween(100_000, 8_000_000);
    assertThat(ended.get("status").asString()).isEqualTo("stopped");
    assertThat(api.get("/api/v1/projects/" + project, session.accessToken()).status())
        .isEqualTo(200);
  }

  @Test
  void problemsAreParsedFromTheOutput() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "problems");
    JsonNode run =
        startRun(
            session,
            project,
            Map.of(
                "command",
                "echo \"src/App.tsx(3,7): error TS2322: Type 'string' is not assignable to type"
                    + " 'number'.\"; exit 2"));
    awaitEnd(session, project, run.get("id").asString());

    JsonNode problems =
        api.get("/api/v1/projects/" + project + "/problems", session.accessToken()).json();
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).get("file").asString()).isEqualTo("src/App.tsx");
    assertThat(problems.get(0).get("line").asInt()).isEqualTo(3);
    assertThat(problems.get(0).get("column").asInt()).isEqualTo(7);
    assertThat(problems.get(0).get("severity").asString()).isEqualTo("error");
  }

  @Test
  void theRunActionInstallsThenStartsTheDetectedProject() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "detected");
    api.post(
        "/api/v1/projects/" + project + "/files",
        Map.of(
            "path",
            "package.json",
            "content",
            "{\"name\":\"x\",\"version\":\"1.0.0\",\"scripts\":{\"start\":\"node -e"
                + " \\\"console.log('started ok')\\\"\"}}"),
        session.accessToken());

    JsonNode run = startRun(session, project, Map.of("action", "run"));
    JsonNode ended = awaitEnd(session, project, run.get("id").asString());

    assertThat(run.get("command").asString()).isEqualTo("npm install && npm run start");
    String log =
        api.get(runs(project) + "/" + run.get("id").asString() + "/log", session.accessToken())
            .body();
    assertThat(log).contains("$ npm install   (network on)").contains("started ok");
    assertThat(ended.get("status").asString()).isEqualTo("succeeded");
    assertThat(api.get("/api/v1/projects/" + project + "/files", session.accessToken()).body())
        .contains("package-lock.json");
  }

  @Test
  void badRequestsAreRefusedWithTheReason() {
    Session session = api.register();
    UUID project = api.createProject(session, "bad");

    Response both =
        api.post(runs(project), Map.of("command", "ls", "action", "run"), session.accessToken());
    Response neither = api.post(runs(project), Map.of(), session.accessToken());
    Response nothing = api.post(runs(project), Map.of("action", "run"), session.accessToken());
    Response unknownAction =
        api.post(runs(project), Map.of("action", "deploy"), session.accessToken());

    assertThat(both.status()).isEqualTo(400);
    assertThat(both.json().get("detail").asString()).contains("either a command");
    assertThat(neither.status()).isEqualTo(400);
    assertThat(nothing.status()).isEqualTo(422);
    assertThat(nothing.json().get("code").asString()).isEqualTo("nothing-to-run");
    assertThat(unknownAction.status()).isEqualTo(400);
  }

  @Test
  void anotherUsersRunsLogsAndProblemsAreNotFound() throws Exception {
    Session owner = api.register();
    Session other = api.register();
    UUID project = api.createProject(owner, "private");
    JsonNode run = startRun(owner, project, Map.of("command", "echo secret-output"));
    awaitEnd(owner, project, run.get("id").asString());
    String path = runs(project) + "/" + run.get("id").asString();

    assertThat(api.get(runs(project), other.accessToken()).status()).isEqualTo(404);
    assertThat(api.get(path, other.accessToken()).status()).isEqualTo(404);
    assertThat(api.get(path + "/log", other.accessToken()).status()).isEqualTo(404);
    assertThat(api.delete(path, other.accessToken()).status()).isEqualTo(404);
    assertThat(api.post(runs(project), Map.of("command", "ls"), other.accessToken()).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/projects/" + project + "/problems", other.accessToken()).status())
        .isEqualTo(404);
  }

  private void awaitLog(Session session, String runPath, String text) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (api.get(runPath + "/log", session.accessToken()).body().contains(text)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("log never showed " + text);
  }
}
