package com.bharatbuild.edits;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import com.github.difflib.patch.PatchFailedException;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** Places a diff only where its context matches exactly. */
@Component
class StrictDiffPatcher implements DiffPatcher {

  @Override
  public Result apply(String original, String diff) {
    String newline = original.contains("\r\n") ? "\r\n" : "\n";
    boolean finalNewline = original.isEmpty() || original.endsWith("\n");
    List<String> lines =
        original.isEmpty() ? List.of() : Arrays.asList(original.split("\r?\n", -1));
    if (!lines.isEmpty() && finalNewline) {
      lines = lines.subList(0, lines.size() - 1);
    }
    try {
      Patch<String> patch = UnifiedDiffUtils.parseUnifiedDiff(Arrays.asList(diff.split("\r?\n")));
      if (patch.getDeltas().isEmpty()) {
        return new Refused("The diff has no hunks");
      }
      List<String> result = DiffUtils.patch(lines, patch);
      return new Patched(String.join(newline, result) + (finalNewline ? newline : ""), "exact");
    } catch (PatchFailedException | RuntimeException e) {
      return new Refused("The diff does not match the file: " + e.getMessage());
    }
  }
}
