package com.bharatbuild.execution;

import com.bharatbuild.execution.PreviewTargets.Target;
import com.bharatbuild.execution.Sandboxes.Sandboxed;
import com.bharatbuild.execution.terminal.TerminalClient;
import com.bharatbuild.execution.terminal.TerminalSession;
import com.bharatbuild.execution.workspace.Workspace;
import com.bharatbuild.execution.workspace.Workspaces;
import com.bharatbuild.projects.ProjectDeleted;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * One shell per project, started when its first tab attaches and closed when no tab has been
 * attached for the idle timeout or the project is deleted. The shell runs in the same kind of
 * sandbox as runs, so a dev server started by hand is previewed too, and what its commands change
 * comes back into the project every few seconds.
 */
public class TerminalSessions {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(TerminalSessions.class);

  private static final int DEFAULT_COLUMNS = 80;
  private static final int DEFAULT_ROWS = 24;

  private record Live(TerminalSession session, Workspace workspace) {}

  private final Workspaces workspaces;
  private final Sandboxes sandboxes;
  private final PreviewTargets previews;
  private final ExecutionProperties settings;
  private final Map<UUID, Live> sessions = new ConcurrentHashMap<>();
  private volatile long lastSync = System.nanoTime();

  TerminalSessions(
      Workspaces workspaces,
      Sandboxes sandboxes,
      PreviewTargets previews,
      ExecutionProperties settings) {
    this.workspaces = workspaces;
    this.sandboxes = sandboxes;
    this.previews = previews;
    this.settings = settings;
  }

  /** Attaches a tab to the project's shell, starting the shell if there is none. */
  public TerminalSession attach(UUID owner, UUID projectId, TerminalClient client)
      throws IOException {
    Live live;
    synchronized (sessions) {
      live = sessions.get(projectId);
      if (live == null || live.session().ended()) {
        live = start(owner, projectId);
        sessions.put(projectId, live);
      }
    }
    live.session().attach(client);
    return live.session();
  }

  private Live start(UUID owner, UUID projectId) throws IOException {
    sandboxes.requireAvailable();
    Workspace workspace = workspaces.open(owner, projectId);
    Sandboxed sandbox =
        sandboxes.start(
            workspace,
            List.of("/bin/bash", "-i"),
            settings.terminal().network(),
            true,
            DEFAULT_COLUMNS,
            DEFAULT_ROWS);
    TerminalSession session =
        new TerminalSession(sandbox.process(), (int) settings.terminal().scrollback().toBytes());
    Live live = new Live(session, workspace);
    // a platform thread: pty4j reads through a native call, which would pin a virtual thread's
    // carrier for as long as the shell is quiet
    Thread.ofPlatform()
        .daemon()
        .name("terminal-" + projectId)
        .start(
            () -> {
              try {
                session.pump(
                    line -> {
                      OptionalInt port = PortDetector.detect(line);
                      if (port.isPresent()) {
                        previews.set(
                            projectId,
                            new Target(sandbox.previewSocket(), port.getAsInt(), session));
                      }
                    });
              } finally {
                previews.clear(projectId, session);
                sessions.remove(projectId, live);
                syncQuietly(workspace);
              }
            });
    return live;
  }

  @Scheduled(fixedDelayString = "${bharatbuild.execution.terminal.sync-interval:3s}")
  void syncAndCloseIdle() {
    Duration idle = settings.terminal().idleTimeout();
    long since = lastSync;
    lastSync = System.nanoTime();
    sessions.forEach(
        (projectId, live) -> {
          if (live.session().idleFor(idle)) {
            live.session().end("closed after being idle");
          } else if (live.session().activeSince(since)) {
            syncQuietly(live.workspace());
          }
        });
  }

  private void syncQuietly(Workspace workspace) {
    try {
      workspaces.syncBack(workspace);
    } catch (RuntimeException projectGone) {
      // deleted while the shell ran: nothing to take back
    }
  }

  @EventListener
  void onProjectDeleted(ProjectDeleted deleted) {
    Live live = sessions.remove(deleted.projectId());
    if (live != null) {
      try {
        live.session().end("the project was deleted");
      } catch (RuntimeException e) {
        // the project is gone either way; a shell that will not stop must not keep it
        log.warn("The shell of deleted project {} did not stop cleanly", deleted.projectId(), e);
      }
    }
  }

  void closeAll() {
    sessions.values().forEach(live -> live.session().end("the server is stopping"));
  }
}
