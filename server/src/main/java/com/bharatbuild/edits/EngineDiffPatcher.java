package com.bharatbuild.edits;

import com.bharatbuild.edits.engine.ApplyResult;
import com.bharatbuild.edits.engine.HunkReport;
import com.bharatbuild.edits.engine.MatchKind;
import com.bharatbuild.edits.engine.PatchApplier;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Places diffs with the tolerant engine of {@code edits.engine}. */
@Component
class EngineDiffPatcher implements DiffPatcher {

  @Override
  public Result apply(String original, String diff) {
    return switch (PatchApplier.apply(original, diff)) {
      case ApplyResult.Applied applied -> new Patched(applied.newText(), placement(applied));
      case ApplyResult.Failed failed -> new Refused(failed.reason());
    };
  }

  private static String placement(ApplyResult.Applied applied) {
    if (!applied.tolerated()) {
      return "Applied exactly";
    }
    return "Applied with tolerance: "
        + applied.hunks().stream()
            .filter(hunk -> hunk.match() != MatchKind.EXACT)
            .map(EngineDiffPatcher::describe)
            .collect(Collectors.joining("; "));
  }

  private static String describe(HunkReport hunk) {
    return "hunk "
        + (hunk.index() + 1)
        + " "
        + hunk.match().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + " at line "
        + hunk.appliedLine();
  }
}
