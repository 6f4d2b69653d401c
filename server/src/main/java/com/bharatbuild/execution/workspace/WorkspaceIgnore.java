package com.bharatbuild.execution.workspace;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which paths of a workspace stay on disk only: dependency and build folders by default, plus the
 * project's own rules from {@code .bharatbuildignore} (one per line: a folder or file name, or a
 * glob over the path such as {@code *.log} or {@code generated/**}; {@code #} starts a comment).
 */
public final class WorkspaceIgnore {

  public static final String RULES_FILE = ".bharatbuildignore";

  static final Set<String> DEFAULT_FOLDERS =
      Set.of(
          "node_modules",
          "dist",
          "build",
          "target",
          ".next",
          ".venv",
          "venv",
          "__pycache__",
          ".git",
          ".gradle",
          ".cache",
          ".turbo",
          ".svelte-kit",
          "coverage");

  private final List<String> names;
  private final List<PathMatcher> globs;

  private WorkspaceIgnore(List<String> names, List<PathMatcher> globs) {
    this.names = names;
    this.globs = globs;
  }

  public static WorkspaceIgnore defaults() {
    return parse("");
  }

  /** The default rules plus those of a {@code .bharatbuildignore} file's text. */
  public static WorkspaceIgnore parse(String rules) {
    List<String> names = new ArrayList<>(DEFAULT_FOLDERS);
    List<PathMatcher> globs = new ArrayList<>();
    for (String raw : rules.split("\\R")) {
      String rule = raw.strip();
      if (rule.isEmpty() || rule.startsWith("#")) {
        continue;
      }
      rule = rule.startsWith("/") ? rule.substring(1) : rule;
      rule = rule.endsWith("/") ? rule.substring(0, rule.length() - 1) : rule;
      if (rule.isEmpty()) {
        continue;
      }
      if (rule.contains("*") || rule.contains("?") || rule.contains("[") || rule.contains("/")) {
        try {
          globs.add(FileSystems.getDefault().getPathMatcher("glob:" + rule));
          if (!rule.contains("/")) {
            globs.add(FileSystems.getDefault().getPathMatcher("glob:**/" + rule));
          }
        } catch (IllegalArgumentException badGlob) {
          // a rule a person mistyped ignores nothing rather than failing every sync
        }
      } else {
        names.add(rule);
      }
    }
    return new WorkspaceIgnore(List.copyOf(names), List.copyOf(globs));
  }

  /** Whether a path relative to the workspace, or anything under it, is ignored. */
  public boolean ignores(String relativePath) {
    String[] segments = relativePath.split("/");
    for (String segment : segments) {
      if (names.contains(segment)) {
        return true;
      }
    }
    Path path = Path.of(relativePath);
    for (int end = 1; end <= path.getNameCount(); end++) {
      Path prefix = path.subpath(0, end);
      for (PathMatcher glob : globs) {
        if (glob.matches(prefix)) {
          return true;
        }
      }
    }
    return false;
  }
}
