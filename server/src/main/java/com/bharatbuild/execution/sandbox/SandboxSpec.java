package com.bharatbuild.execution.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One command to start in a workspace.
 *
 * @param workspace the project's files, seen by the command as {@link #WORKSPACE}
 * @param home a folder kept between commands for caches (npm, pip, Maven), seen as {@link #HOME}
 * @param control a folder the server and the sandbox share for the preview socket, seen as {@link
 *     #CONTROL}
 * @param environment variables on top of the sandbox's own minimal set; never the server's
 * @param network whether the command may reach the network (package installs only)
 * @param terminal whether to attach a pseudo-terminal of the given size instead of pipes
 */
public record SandboxSpec(
    Path workspace,
    Path home,
    Path control,
    List<String> command,
    Map<String, String> environment,
    boolean network,
    boolean terminal,
    int columns,
    int rows) {

  public static final String WORKSPACE = "/workspace";
  public static final String HOME = "/home/sandbox";
  public static final String CONTROL = "/run/bharatbuild";

  public SandboxSpec {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }
}
