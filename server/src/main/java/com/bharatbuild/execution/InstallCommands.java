package com.bharatbuild.execution;

import java.util.regex.Pattern;

/**
 * Recognises the commands that fetch packages, the only ones that get the network: a sandbox with a
 * network can reach the server's own loopback services, so everything else runs without it.
 */
final class InstallCommands {

  private static final Pattern INSTALL =
      Pattern.compile(
          "^\\s*(?:"
              + "(?:npm|pnpm|yarn|bun)\\s+(?:install|i|ci|add)\\b"
              + "|yarn\\s*$"
              + "|(?:pip3?|python3?\\s+-m\\s+pip|\\.venv/bin/pip)\\s+install\\b"
              + "|python3?\\s+-m\\s+venv\\b[^&;|]*&&\\s*\\.venv/bin/pip\\s+install\\b"
              + "|(?:\\./)?mvnw?\\s+(?:-\\S+\\s+)*(?:dependency:\\S+|install|package|verify|compile)\\b"
              + "|(?:\\./)?gradlew?\\s+(?:-\\S+\\s+)*(?:build|assemble|dependencies)\\b"
              + ")");

  private InstallCommands() {}

  static boolean fetchesPackages(String command) {
    return INSTALL.matcher(command).find();
  }
}
