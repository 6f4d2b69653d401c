package com.bharatbuild.edits;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.Arrays;
import java.util.List;

/** The unified diff between two versions of a file, as the diff view shows it. */
final class DisplayPatch {

  private static final int CONTEXT = 3;

  private DisplayPatch() {}

  static String between(String path, String before, String after) {
    return between(path, path, before, after);
  }

  static String between(String fromPath, String toPath, String before, String after) {
    List<String> original = lines(before);
    List<String> revised = lines(after);
    List<String> diff =
        UnifiedDiffUtils.generateUnifiedDiff(
            fromPath.equals("/dev/null") ? fromPath : "a/" + fromPath,
            toPath.equals("/dev/null") ? toPath : "b/" + toPath,
            original,
            DiffUtils.diff(original, revised),
            CONTEXT);
    return diff.isEmpty() ? "" : String.join("\n", diff) + "\n";
  }

  private static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    return Arrays.asList(text.split("\r?\n", -1));
  }
}
