package com.bharatbuild.edits.engine;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One hunk of a unified diff.
 *
 * @param header the {@code @@} line as written, or empty for a hunk the model wrote without one;
 *     must not be null
 * @param statedOldStart the old-side line number of the header, when it has one (models get it
 *     wrong; it is a hint); must not be null
 * @param statedOldCount the old-side line count of the header, when it has one (a hint as well);
 *     must not be null
 * @param lines the hunk's lines in order; must not be null
 * @param oldMissingFinalNewline a {@code \ No newline at end of file} marker follows the last
 *     old-side line
 * @param newMissingFinalNewline the marker follows the last new-side line
 */
public record Hunk(
    String header,
    OptionalInt statedOldStart,
    OptionalInt statedOldCount,
    List<HunkLine> lines,
    boolean oldMissingFinalNewline,
    boolean newMissingFinalNewline) {

  public Hunk {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(statedOldStart, "statedOldStart");
    Objects.requireNonNull(statedOldCount, "statedOldCount");
    lines = List.copyOf(lines);
  }

  /** The lines the hunk expects to find in the file, in order. */
  public List<String> preimage() {
    return lines.stream().filter(HunkLine::inPreimage).map(HunkLine::text).toList();
  }

  /** Whether the hunk changes anything: a line added or removed, or the final newline. */
  public boolean changesSomething() {
    return oldMissingFinalNewline != newMissingFinalNewline
        || lines.stream().anyMatch(line -> line.kind() != HunkLine.Kind.CONTEXT);
  }

  /** The header for messages: the {@code @@} line, or a note that there was none. */
  String describe() {
    return header.isEmpty() ? "(no @@ header)" : header;
  }
}
