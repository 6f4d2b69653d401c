package com.bharatbuild.execution;

import com.bharatbuild.auth.CurrentUserId;
import com.bharatbuild.execution.problems.Problem;
import com.bharatbuild.execution.workspace.DiskOnlyFile;
import com.bharatbuild.execution.workspace.Workspaces;
import com.bharatbuild.projects.ProjectService;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Runs, their output and the problems found in it, and what the workspace keeps on disk only. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}")
class RunController {

  private final RunService runs;
  private final ProjectService projects;
  private final Workspaces workspaces;

  RunController(RunService runs, ProjectService projects, Workspaces workspaces) {
    this.runs = runs;
    this.projects = projects;
    this.workspaces = workspaces;
  }

  @PostMapping("/runs")
  @ResponseStatus(HttpStatus.CREATED)
  RunView startRun(
      @CurrentUserId UUID userId,
      @PathVariable UUID projectId,
      @Valid @RequestBody RunRequest request) {
    return runs.start(userId, projectId, request);
  }

  @GetMapping("/runs")
  List<RunView> listRuns(@CurrentUserId UUID userId, @PathVariable UUID projectId) {
    return runs.list(userId, projectId);
  }

  @GetMapping("/runs/{runId}")
  RunView getRun(
      @CurrentUserId UUID userId, @PathVariable UUID projectId, @PathVariable UUID runId) {
    return runs.get(userId, projectId, runId);
  }

  @GetMapping(path = "/runs/{runId}/log", produces = MediaType.TEXT_PLAIN_VALUE)
  String getRunLog(
      @CurrentUserId UUID userId, @PathVariable UUID projectId, @PathVariable UUID runId) {
    return runs.log(userId, projectId, runId);
  }

  @DeleteMapping("/runs/{runId}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  RunView stopRun(
      @CurrentUserId UUID userId, @PathVariable UUID projectId, @PathVariable UUID runId) {
    return runs.stop(userId, projectId, runId);
  }

  @GetMapping("/problems")
  List<Problem> listProblems(@CurrentUserId UUID userId, @PathVariable UUID projectId) {
    return runs.problems(userId, projectId);
  }

  /** Binary, oversized and oddly named files the workspace holds beside the project's files. */
  @GetMapping("/workspace/disk-only")
  List<DiskOnlyFile> listDiskOnlyFiles(@CurrentUserId UUID userId, @PathVariable UUID projectId) {
    projects.get(userId, projectId);
    return workspaces.diskOnly(userId, projectId);
  }
}
