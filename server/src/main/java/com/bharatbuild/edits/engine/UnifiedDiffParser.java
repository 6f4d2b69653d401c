package com.bharatbuild.edits.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a unified diff the way language models write them, not only the way {@code diff -u} does:
 *
 * <ul>
 *   <li>{@code ---}/{@code +++} headers may be missing or use any prefix; {@code a/} and {@code b/}
 *       and a trailing tab-separated timestamp are removed from the paths; {@code diff --git},
 *       {@code index} and similar git lines and prose before the first hunk are ignored.
 *   <li>A hunk starts at any line beginning with {@code @@}: {@code @@ -l,n +l,n @@}, {@code @@ -l
 *       +l @@}, {@code @@ ... @@} or a bare {@code @@}. Numbers are kept as hints; counts are never
 *       trusted to find where a hunk ends, except to decide whether a {@code ---}/{@code +++} pair
 *       inside a hunk is a removed line or a new file header.
 *   <li>A diff without any {@code @@} line is one hunk without numbers.
 *   <li>Inside a hunk, an empty line is a blank context line whose leading space the model dropped,
 *       and so is a line without prefix that more hunk lines follow; empty lines and text at the
 *       end of a hunk, with no hunk line after them, are not part of it.
 *   <li>{@code \ No newline at end of file} marks the line before it: old side after a removed
 *       line, new side after an added line, both after a context line.
 *   <li>Hunks that change nothing are dropped. Several files in one diff are refused; the same
 *       header repeated before each hunk is accepted.
 * </ul>
 */
public final class UnifiedDiffParser {

  private static final Pattern HUNK_NUMBERS =
      Pattern.compile("^@@+\\s*-(\\d+)(?:,(\\d+))?(?:\\s+\\+(\\d+)(?:,(\\d+))?)?");
  private static final List<String> GIT_LINES =
      List.of(
          "diff ",
          "index ",
          "new file mode",
          "deleted file mode",
          "old mode",
          "new mode",
          "similarity index",
          "dissimilarity index",
          "rename from",
          "rename to",
          "copy from",
          "copy to",
          "Binary files");

  private final String[] lines;
  private int position;
  private Optional<String> oldPath = Optional.empty();
  private Optional<String> newPath = Optional.empty();
  private final List<Hunk> hunks = new ArrayList<>();

  private UnifiedDiffParser(String[] lines) {
    this.lines = lines;
  }

  /**
   * Parses one file's diff.
   *
   * @param diff the diff as written; must not be null; {@code \r\n} and {@code \n} line ends are
   *     both accepted
   * @return the patch, with at least one hunk that changes something
   * @throws PatchParseException when the text holds no hunk, or touches several files
   */
  public static Patch parse(String diff) throws PatchParseException {
    Objects.requireNonNull(diff, "diff");
    if (diff.isBlank()) {
      throw new PatchParseException("The diff is empty");
    }
    String[] lines = diff.split("\r?\n", -1);
    if (diff.endsWith("\n")) {
      lines = Arrays.copyOf(lines, lines.length - 1);
    }
    return new UnifiedDiffParser(lines).parseAll();
  }

  private Patch parseAll() throws PatchParseException {
    boolean hasHunkHeaders = Arrays.stream(lines).anyMatch(line -> line.startsWith("@@"));
    int changedLines = 0;
    while (position < lines.length) {
      String line = lines[position];
      if (isFileHeaderAt(position)) {
        readFileHeader();
      } else if (line.startsWith("@@")) {
        position++;
        changedLines += readHunk(line);
      } else if (!hasHunkHeaders && isHunkLine(line)) {
        changedLines += readHunk("");
      } else {
        position++;
      }
    }
    if (hunks.isEmpty()) {
      throw new PatchParseException(
          changedLines == 0 && hasHunkHeaders
              ? "The diff's hunks change nothing: no line starts with '+' or '-'"
              : "No hunk found: a unified diff needs '@@' hunk headers followed by lines starting"
                  + " with ' ' (unchanged), '-' (removed) or '+' (added)");
    }
    return new Patch(oldPath, newPath, hunks);
  }

  private boolean isFileHeaderAt(int index) {
    return lines[index].startsWith("--- ")
        && index + 1 < lines.length
        && lines[index + 1].startsWith("+++ ");
  }

  private void readFileHeader() throws PatchParseException {
    String from = path(lines[position].substring(4), "a/");
    String to = path(lines[position + 1].substring(4), "b/");
    if (oldPath.isPresent() || newPath.isPresent()) {
      if (!Optional.of(from).equals(oldPath) || !Optional.of(to).equals(newPath)) {
        throw new PatchParseException(
            "The diff touches more than one file ("
                + newPath.orElse("?")
                + " and "
                + to
                + "); send one operation per file");
      }
    }
    oldPath = Optional.of(from);
    newPath = Optional.of(to);
    position += 2;
  }

  private static String path(String raw, String prefix) {
    String path = raw;
    int tab = path.indexOf('\t');
    if (tab >= 0) {
      path = path.substring(0, tab);
    }
    path = path.strip();
    if (path.length() > 1 && path.startsWith("\"") && path.endsWith("\"")) {
      path = path.substring(1, path.length() - 1);
    }
    return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
  }

  /** Reads hunk lines from {@link #position}; returns how many lines add or remove. */
  private int readHunk(String header) {
    OptionalInt oldStart = OptionalInt.empty();
    OptionalInt oldCount = OptionalInt.empty();
    OptionalInt newCount = OptionalInt.empty();
    Matcher numbers = HUNK_NUMBERS.matcher(header);
    if (numbers.find()) {
      oldStart = OptionalInt.of(Integer.parseInt(numbers.group(1)));
      oldCount = OptionalInt.of(numbers.group(2) == null ? 1 : Integer.parseInt(numbers.group(2)));
      if (numbers.group(3) != null) {
        newCount =
            OptionalInt.of(numbers.group(4) == null ? 1 : Integer.parseInt(numbers.group(4)));
      }
    }
    List<HunkLine> body = new ArrayList<>();
    int oldSeen = 0;
    int newSeen = 0;
    boolean oldNoNewline = false;
    boolean newNoNewline = false;
    int changed = 0;
    while (position < lines.length) {
      String line = lines[position];
      boolean countsPending =
          (oldCount.isPresent() && oldSeen < oldCount.getAsInt())
              || (newCount.isPresent() && newSeen < newCount.getAsInt());
      if (line.startsWith("@@") || isFileHeaderAt(position) && !countsPending) {
        break;
      }
      HunkLine parsed;
      if (line.startsWith("\\")) {
        // marks the line before it; anything else starting with a backslash is git's own note
        if (!body.isEmpty()) {
          HunkLine.Kind kind = body.getLast().kind();
          oldNoNewline |= kind != HunkLine.Kind.ADD;
          newNoNewline |= kind != HunkLine.Kind.REMOVE;
        }
        position++;
        continue;
      } else if (line.startsWith(" ")) {
        parsed = new HunkLine(HunkLine.Kind.CONTEXT, line.substring(1));
      } else if (line.startsWith("+")) {
        parsed = new HunkLine(HunkLine.Kind.ADD, line.substring(1));
      } else if (line.startsWith("-")) {
        parsed = new HunkLine(HunkLine.Kind.REMOVE, line.substring(1));
      } else if (isGitLine(line)) {
        break;
      } else if (countsPending || hunkContinuesAfter(position)) {
        // the model dropped the leading space of a context line (often of a blank one)
        parsed = new HunkLine(HunkLine.Kind.CONTEXT, line);
      } else {
        break;
      }
      body.add(parsed);
      if (parsed.inPreimage()) {
        oldSeen++;
      }
      if (parsed.inPostimage()) {
        newSeen++;
      }
      if (parsed.kind() != HunkLine.Kind.CONTEXT) {
        changed++;
      }
      position++;
    }
    Hunk hunk = new Hunk(header, oldStart, oldCount, body, oldNoNewline, newNoNewline);
    if (hunk.changesSomething()) {
      hunks.add(hunk);
    }
    return changed;
  }

  private static boolean isHunkLine(String line) {
    return line.startsWith(" ") || line.startsWith("+") || line.startsWith("-");
  }

  private static boolean isGitLine(String line) {
    return GIT_LINES.stream().anyMatch(line::startsWith);
  }

  /** Whether a prefixed hunk line follows before the next hunk, file header or git line. */
  private boolean hunkContinuesAfter(int index) {
    for (int next = index + 1; next < lines.length; next++) {
      String line = lines[next];
      if (line.startsWith("@@") || isFileHeaderAt(next) || isGitLine(line)) {
        return false;
      }
      if (isHunkLine(line) || line.startsWith("\\")) {
        return true;
      }
    }
    return false;
  }
}
