package com.bharatbuild.execution;

import com.bharatbuild.execution.kubernetes.KubernetesConfiguration;
import com.bharatbuild.execution.kubernetes.KubernetesProperties;
import com.bharatbuild.execution.kubernetes.WorkspacePods;
import com.bharatbuild.execution.preview.PreviewServer;
import com.bharatbuild.execution.sandbox.BubblewrapRunner;
import com.bharatbuild.execution.sandbox.RefusingRunner;
import com.bharatbuild.execution.sandbox.SandboxRunner;
import com.bharatbuild.execution.sandbox.SandboxUser;
import com.bharatbuild.execution.sandbox.UnsandboxedRunner;
import com.bharatbuild.execution.workspace.Workspaces;
import com.bharatbuild.projects.FileService;
import com.bharatbuild.projects.ProjectService;
import com.bharatbuild.shared.config.DataDirectory;
import com.bharatbuild.shared.jobs.JobLocks;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the sandbox once at start-up. With {@code auto} or {@code bubblewrap}, a machine where
 * bubblewrap is missing or cannot create namespaces gets a runner that refuses every command with
 * the reason; only an explicit {@code none} runs commands unisolated. With {@code kubernetes},
 * commands run in a pod per workspace instead.
 */
@Configuration
@EnableConfigurationProperties(ExecutionProperties.class)
class ExecutionConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ExecutionConfiguration.class);

  @Bean
  SandboxUser sandboxUser(ExecutionProperties settings) {
    return settings.sandboxDisabled()
        ? SandboxUser.sameAsServer()
        : SandboxUser.forServer(settings.sandboxUid());
  }

  @Bean
  SandboxRunner sandboxRunner(
      ExecutionProperties settings,
      SandboxUser user,
      Workspaces workspaces,
      ObjectProvider<WorkspacePods> pods,
      ObjectProvider<KubernetesProperties> kubernetes,
      JobLocks jobs) {
    if (settings.sandboxOnKubernetes()) {
      log.info(
          "Commands run in Kubernetes pods in namespace {}", kubernetes.getObject().namespace());
      return KubernetesConfiguration.runner(pods.getObject(), kubernetes.getObject(), jobs);
    }
    String javaHome = javaHome(settings);
    if (settings.sandboxDisabled()) {
      log.warn(
          "bharatbuild.execution.sandbox=none: commands run without isolation, as the server's"
              + " user. Use this only for a single-user install on your own machine.");
      return new UnsandboxedRunner(javaHome);
    }
    Path bwrap = BubblewrapRunner.find();
    if (bwrap == null) {
      return refusing(
          "bubblewrap is not installed on the server (apt-get install bubblewrap); to run commands"
              + " unisolated on a single-user install, set bharatbuild.execution.sandbox=none");
    }
    ExecutionProperties.Limits limits = settings.limits();
    BubblewrapRunner runner =
        new BubblewrapRunner(
            bwrap,
            user,
            new BubblewrapRunner.Limits(
                limits.cpuSeconds(),
                limits.memory().toBytes(),
                limits.processes(),
                limits.fileSize().toBytes()),
            javaHome,
            settings.extraReadOnlyPaths().stream().map(Path::of).toList());
    String failure = runner.probe(workspaces.scratch());
    if (failure != null) {
      return refusing(failure);
    }
    log.info("Commands run under bubblewrap{}", user.switches() ? " as uid " + user.uid() : "");
    return runner;
  }

  @Bean(destroyMethod = "close")
  Workspaces workspaces(
      ExecutionProperties settings,
      DataDirectory data,
      FileService files,
      SandboxUser user,
      @Value("${bharatbuild.files.max-file-bytes:1048576}") long maxFileBytes) {
    Path root =
        settings.workspaceRoot().isBlank()
            ? data.resolve("workspaces")
            : Path.of(settings.workspaceRoot()).toAbsolutePath().normalize();
    return new Workspaces(root, files, user, maxFileBytes);
  }

  @Bean
  Sandboxes sandboxes(SandboxRunner runner, SandboxUser user) {
    return new Sandboxes(runner, user);
  }

  @Bean
  PreviewTargets previewTargets() {
    return new PreviewTargets();
  }

  @Bean(destroyMethod = "stopAll")
  RunService runService(
      ProjectService projects,
      FileService files,
      Workspaces workspaces,
      Sandboxes sandboxes,
      Runs runs,
      PreviewTargets previews,
      ExecutionProperties settings,
      Clock clock,
      ApplicationEventPublisher events,
      MeterRegistry meters) {
    return new RunService(
        projects,
        files,
        workspaces,
        sandboxes,
        runs,
        previews,
        settings,
        clock,
        events,
        new RunMetrics(meters));
  }

  @Bean(destroyMethod = "closeAll")
  TerminalSessions terminalSessions(
      Workspaces workspaces,
      Sandboxes sandboxes,
      PreviewTargets previews,
      ExecutionProperties settings) {
    return new TerminalSessions(workspaces, sandboxes, previews, settings);
  }

  @Bean
  PreviewServer previewServer(ExecutionProperties settings, PreviewTargets targets, Clock clock) {
    return new PreviewServer(settings.preview(), targets, clock);
  }

  private static @Nullable String javaHome(ExecutionProperties settings) {
    String configured = settings.javaHomeOrNull();
    return configured != null ? configured : System.getProperty("java.home");
  }

  private static SandboxRunner refusing(String reason) {
    log.warn("Commands will not run: {}", reason);
    return new RefusingRunner(reason);
  }
}
