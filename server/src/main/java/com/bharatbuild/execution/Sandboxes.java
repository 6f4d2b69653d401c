package com.bharatbuild.execution;

import com.bharatbuild.execution.sandbox.SandboxProcess;
import com.bharatbuild.execution.sandbox.SandboxRunner;
import com.bharatbuild.execution.sandbox.SandboxSpec;
import com.bharatbuild.execution.sandbox.SandboxUser;
import com.bharatbuild.execution.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starts commands in a project's sandbox with the preview bridge beside them: every sandbox gets a
 * socket of its own in the control folder, through which the preview reaches whatever dev server
 * the command starts on the sandbox's private loopback.
 */
class Sandboxes {

  static final int ASSIGNED_PORT = 3000;
  private static final String BRIDGE = "forward.js";
  // the bridge is best effort: without Node there is no preview, and the command still runs
  private static final String WRAPPER =
      "s=\"$1\"; b=\"$2\"; shift 2; node \"$b\" \"$s\" >/dev/null 2>&1 & f=$!; \"$@\"; c=$?;"
          + " kill $f 2>/dev/null; exit $c";

  /** A started command and the socket its preview answers on. */
  record Sandboxed(SandboxProcess process, Path previewSocket, String seenWorkspace) {}

  private final SandboxRunner runner;
  private final SandboxUser user;

  Sandboxes(SandboxRunner runner, SandboxUser user) {
    this.runner = runner;
    this.user = user;
  }

  String runnerName() {
    return runner.name();
  }

  void requireAvailable() {
    runner.requireAvailable();
  }

  /** The workspace's path as commands see it, to make their file paths relative. */
  String seenWorkspace(Workspace workspace) {
    return runner.seenWorkspace(workspace.files());
  }

  Sandboxed start(
      Workspace workspace,
      List<String> command,
      boolean network,
      boolean terminal,
      int columns,
      int rows)
      throws IOException {
    installBridge(workspace.control());
    String socketName = "p-" + UUID.randomUUID().toString().substring(0, 8) + ".sock";
    String control = runner.seenControl(workspace.control());
    List<String> wrapped = new ArrayList<>();
    wrapped.addAll(
        List.of(
            "/bin/sh",
            "-c",
            WRAPPER,
            "sandbox",
            control + "/" + socketName,
            control + "/" + BRIDGE));
    wrapped.addAll(command);
    SandboxSpec spec =
        new SandboxSpec(
            workspace.files(),
            workspace.home(),
            workspace.control(),
            wrapped,
            Map.of("PORT", Integer.toString(ASSIGNED_PORT)),
            network,
            terminal,
            columns,
            rows);
    SandboxProcess process = runner.start(spec);
    return new Sandboxed(
        process, workspace.control().resolve(socketName), runner.seenWorkspace(workspace.files()));
  }

  private void installBridge(Path control) throws IOException {
    Path bridge = control.resolve(BRIDGE);
    if (Files.isRegularFile(bridge) && !Files.isSymbolicLink(bridge)) {
      return;
    }
    Files.deleteIfExists(bridge);
    try (InputStream source = Sandboxes.class.getResourceAsStream("/execution/" + BRIDGE)) {
      if (source == null) {
        throw new IOException("The preview bridge is missing from the server");
      }
      Path temporary = Files.createTempFile(control, "bridge", ".js");
      Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
      Files.move(temporary, bridge, StandardCopyOption.ATOMIC_MOVE);
    }
    user.own(bridge);
  }
}
