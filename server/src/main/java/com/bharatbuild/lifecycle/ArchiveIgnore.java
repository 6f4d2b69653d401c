package com.bharatbuild.lifecycle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Which entries of an imported archive stay out of the project: build and dependency folders
 * always, and whatever the archive's own {@code .gitignore} and {@code .bharatbuildignore} files
 * say, with git's rules (a deeper file overrides a shallower one, {@code !} re-includes, an ignored
 * folder takes everything inside with it).
 */
final class ArchiveIgnore {

  static final Set<String> IGNORED_FOLDERS =
      Set.of("node_modules", ".git", "dist", "build", "target", ".next", ".venv", "__pycache__");
  static final Set<String> RULE_FILES = Set.of(".gitignore", ".bharatbuildignore");

  /** Rules by the folder they apply to ({@code ""} for the top, else ending in {@code /}). */
  private final Map<String, IgnoreNode> rules = new HashMap<>();

  /** Adds the rules of one rule file found at {@code path} in the archive. */
  void addRules(String path, String text) {
    int slash = path.lastIndexOf('/');
    String folder = slash < 0 ? "" : path.substring(0, slash + 1);
    IgnoreNode node = rules.computeIfAbsent(folder, f -> new IgnoreNode());
    try {
      node.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean ignores(String path) {
    String[] segments = path.split("/");
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      if (IGNORED_FOLDERS.contains(segments[i])) {
        return true;
      }
      if (i > 0) {
        prefix.append('/');
      }
      prefix.append(segments[i]);
      if (matched(prefix.toString(), i < segments.length - 1)) {
        return true;
      }
    }
    return false;
  }

  private boolean matched(String path, boolean isFolder) {
    int end = path.length();
    while (true) {
      int slash = path.lastIndexOf('/', end - 1);
      String folder = slash < 0 ? "" : path.substring(0, slash + 1);
      IgnoreNode node = rules.get(folder);
      if (node != null) {
        Boolean ignored = node.checkIgnored(path.substring(folder.length()), isFolder);
        if (ignored != null) {
          return ignored;
        }
      }
      if (slash < 0) {
        return false;
      }
      end = slash;
    }
  }
}
