package com.bharatbuild.execution;

import com.bharatbuild.execution.ExecutionProblems.BadRunRequest;
import com.bharatbuild.execution.ExecutionProblems.NothingToRun;
import com.bharatbuild.execution.ExecutionProblems.RunNotFound;
import com.bharatbuild.execution.ExecutionProblems.TooManyRuns;
import com.bharatbuild.execution.PreviewTargets.Target;
import com.bharatbuild.execution.Sandboxes.Sandboxed;
import com.bharatbuild.execution.problems.Problem;
import com.bharatbuild.execution.problems.ProblemParser;
import com.bharatbuild.execution.workspace.SyncResult;
import com.bharatbuild.execution.workspace.Workspace;
import com.bharatbuild.execution.workspace.Workspaces;
import com.bharatbuild.projects.FileService;
import com.bharatbuild.projects.ProjectService;
import com.bharatbuild.shared.config.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Starts, follows and stops commands in a project's sandbox. Each run streams its output into a log
 * file, the problem parser and the port detector; when a step ends, what it changed in the
 * workspace comes back into the project's files.
 */
public class RunService {

  private static final Logger log = LoggerFactory.getLogger(RunService.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(3);
  private static final int LISTED_RUNS = 50;

  /** A run in progress on this server. */
  private static final class ActiveRun {
    final UUID projectId;
    volatile @Nullable Sandboxed current;
    volatile boolean stopping;

    ActiveRun(UUID projectId) {
      this.projectId = projectId;
    }
  }

  private final ProjectService projects;
  private final FileService files;
  private final Workspaces workspaces;
  private final Sandboxes sandboxes;
  private final Runs runs;
  private final PreviewTargets previews;
  private final ExecutionProperties settings;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final RunMetrics metrics;
  private final Map<UUID, ActiveRun> active = new ConcurrentHashMap<>();
  private final Map<UUID, ProblemParser> problems = new ConcurrentHashMap<>();

  RunService(
      ProjectService projects,
      FileService files,
      Workspaces workspaces,
      Sandboxes sandboxes,
      Runs runs,
      PreviewTargets previews,
      ExecutionProperties settings,
      Clock clock,
      ApplicationEventPublisher events,
      RunMetrics metrics) {
    this.events = events;
    this.metrics = metrics;
    metrics.activeRuns(active::size);
    this.projects = projects;
    this.files = files;
    this.workspaces = workspaces;
    this.sandboxes = sandboxes;
    this.runs = runs;
    this.previews = previews;
    this.settings = settings;
    this.clock = clock;
    int abandoned = runs.endAbandoned(Timestamps.now(clock));
    if (abandoned > 0) {
      log.info("Marked {} runs left running by a previous server as stopped", abandoned);
    }
  }

  public RunView start(UUID owner, UUID projectId, RunRequest request) {
    projects.get(owner, projectId);
    RunPlan plan = plan(owner, projectId, request);
    sandboxes.requireAvailable();
    long running = active.values().stream().filter(run -> run.projectId.equals(projectId)).count();
    if (running >= settings.limits().concurrentRunsPerProject()) {
      throw new TooManyRuns(settings.limits().concurrentRunsPerProject());
    }
    Workspace workspace = workspaces.open(owner, projectId);
    RunView run =
        new RunView(
            UUID.randomUUID(), plan.summary(), "running", null, Timestamps.now(clock), null);
    runs.insert(projectId, owner, run);
    ActiveRun handle = new ActiveRun(projectId);
    active.put(run.id(), handle);
    metrics.started();
    ProblemParser parser = new ProblemParser(sandboxes.seenWorkspace(workspace));
    problems.put(projectId, parser);
    events.publishEvent(new RunStarted(projectId, owner, run));
    events.publishEvent(new ProblemsUpdated(projectId, owner, List.of()));
    Thread.ofVirtual()
        .name("run-" + run.id())
        .start(() -> execute(workspace, run, plan, handle, parser));
    return run;
  }

  public List<RunView> list(UUID owner, UUID projectId) {
    projects.get(owner, projectId);
    return runs.list(projectId, LISTED_RUNS);
  }

  public RunView get(UUID owner, UUID projectId, UUID runId) {
    projects.get(owner, projectId);
    return runs.find(projectId, runId).orElseThrow(RunNotFound::new);
  }

  public String log(UUID owner, UUID projectId, UUID runId) {
    get(owner, projectId, runId);
    try {
      return RunLog.read(logFile(projectId, runId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the run and everything it started; a run that already ended is left as it was. */
  public RunView stop(UUID owner, UUID projectId, UUID runId) {
    RunView run = get(owner, projectId, runId);
    ActiveRun handle = active.get(runId);
    if (handle != null) {
      handle.stopping = true;
      Sandboxed current = handle.current;
      if (current != null) {
        current.process().stop(STOP_GRACE);
      }
    }
    return run;
  }

  public List<Problem> problems(UUID owner, UUID projectId) {
    projects.get(owner, projectId);
    ProblemParser parser = problems.get(projectId);
    return parser == null ? List.of() : parser.problems();
  }

  /** Stops every run on shutdown, so none is left running without its server. */
  void stopAll() {
    active
        .values()
        .forEach(
            run -> {
              run.stopping = true;
              Sandboxed current = run.current;
              if (current != null) {
                current.process().stop(Duration.ofSeconds(1));
              }
            });
  }

  private RunPlan plan(UUID owner, UUID projectId, RunRequest request) {
    boolean hasCommand = request.command() != null && !request.command().isBlank();
    boolean hasAction = request.action() != null;
    if (hasCommand == hasAction) {
      throw new BadRunRequest("Give either a command or action \"run\", not both or neither");
    }
    if (hasCommand) {
      if (request.command().indexOf('\0') >= 0) {
        throw new BadRunRequest("The command contains a NUL character");
      }
      return RunPlan.single(request.command().strip());
    }
    return RunDetector.detect(files.snapshot(owner, projectId)).orElseThrow(NothingToRun::new);
  }

  private void execute(
      Workspace workspace, RunView run, RunPlan plan, ActiveRun handle, ProblemParser parser) {
    String status = "succeeded";
    Integer exitCode = null;
    try (RunLog output =
        new RunLog(logFile(run, workspace), settings.limits().keptLog().toBytes())) {
      for (RunPlan.Step step : plan.steps()) {
        if (handle.stopping) {
          status = "stopped";
          break;
        }
        output.note("$ " + step.command() + (step.network() ? "   (network on)" : "") + "\n");
        exitCode = runStep(workspace, step, handle, output, parser, run.id());
        SyncResult synced = workspaces.syncBack(workspace);
        for (String refused : synced.refused()) {
          output.note("[not taken into the project: " + refused + "]\n");
        }
        if (handle.stopping) {
          status = "stopped";
          break;
        }
        if (exitCode != 0) {
          status = "failed";
          output.note("[exited with code " + exitCode + "]\n");
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      log.warn(
          "Run {} of project {} failed to run: {}",
          run.id(),
          workspace.projectId(),
          e.getMessage());
      status = handle.stopping ? "stopped" : "failed";
      appendQuietly(workspace, run, "[could not run: " + e.getMessage() + "]\n");
    } finally {
      active.remove(run.id());
      metrics.ended(status);
      runs.end(run.id(), status, exitCode, Timestamps.now(clock));
      runs.find(workspace.projectId(), run.id())
          .ifPresent(
              ended ->
                  events.publishEvent(
                      new RunEnded(workspace.projectId(), workspace.owner(), ended)));
      events.publishEvent(
          new ProblemsUpdated(workspace.projectId(), workspace.owner(), parser.problems()));
    }
  }

  private int runStep(
      Workspace workspace,
      RunPlan.Step step,
      ActiveRun handle,
      RunLog output,
      ProblemParser parser,
      UUID runId)
      throws IOException {
    Sandboxed sandbox =
        sandboxes.start(
            workspace, List.of("/bin/sh", "-c", step.command()), step.network(), false, 0, 0);
    handle.current = sandbox;
    Object owner = sandbox;
    previews.set(
        workspace.projectId(), new Target(sandbox.previewSocket(), Sandboxes.ASSIGNED_PORT, owner));
    try {
      sandbox.process().input().close();
      new OutputPump(settings.limits().outputPerSecond().toBytes())
          .pump(
              sandbox.process().output(),
              output::append,
              line -> {
                int before = parser.problems().size();
                parser.accept(line);
                if (parser.problems().size() != before) {
                  events.publishEvent(
                      new ProblemsUpdated(
                          workspace.projectId(), workspace.owner(), parser.problems()));
                }
                OptionalInt port = PortDetector.detect(line);
                if (port.isPresent()) {
                  previews.set(
                      workspace.projectId(),
                      new Target(sandbox.previewSocket(), port.getAsInt(), owner));
                }
              });
      return sandbox.process().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sandbox.process().stop(STOP_GRACE);
      return -1;
    } finally {
      sandbox.process().stop(STOP_GRACE);
      previews.clear(workspace.projectId(), owner);
      handle.current = null;
    }
  }

  private void appendQuietly(Workspace workspace, RunView run, String note) {
    try {
      java.nio.file.Files.writeString(
          logFile(run, workspace),
          note,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      log.debug("Could not note the failure of run {}", run.id(), e);
    }
  }

  private Path logFile(RunView run, Workspace workspace) {
    return logFile(workspace.projectId(), run.id());
  }

  private Path logFile(UUID projectId, UUID runId) {
    return workspaces.logs(projectId).resolve(runId + ".log");
  }
}
