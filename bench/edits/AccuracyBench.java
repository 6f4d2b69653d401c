import com.bharatbuild.edits.engine.ApplyResult;
import com.bharatbuild.edits.engine.PatchApplier;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Measures how often a diff is applied exactly, per defect class, for the edit engine and, on the
 * same cases, for GNU {@code patch} and {@code git apply}.
 *
 * <p>The corpus is real Java source from the JDK's {@code lib/src.zip} (a fixed-seed sample). Each
 * case makes one to three random line-run edits (replace, insert, delete) on one file, writes the
 * correct unified diff (3 lines of context, like {@code diff -u}), then perturbs it the way models
 * do. A case is "correct" when the result is exactly the intended text; for the invented-context
 * class, the only correct outcome is a refusal with the file unchanged.
 *
 * <p>Run with the engine's classes on the class path (see README.md): {@code java -cp <classes>
 * bench/edits/AccuracyBench.java [casesPerClass] [src.zip]}
 */
public class AccuracyBench {

  private static final long SEED = 20261128L;
  private static final int CORPUS_FILES = 300;
  private static final int TIMEOUT_SECONDS = 10;
  private static final String NAME = "Source.java";

  /** The defect classes, in table order. */
  enum Defect {
    EXACT("exact"),
    SHIFTED("shifted line numbers"),
    NO_NUMBERS("no numbers (`@@ ... @@`)"),
    WRONG_COUNTS("wrong counts"),
    BLANK_DROPPED("blank context line dropped (between non-blank context)"),
    TRAILING_WS("trailing-whitespace drift on context"),
    CRLF("CRLF file, LF diff"),
    LESS_CONTEXT("less context (1 line)"),
    INDENT_SHIFT("indentation shift of the whole hunk"),
    INVENTED("invented context (must be refused)");

    final String label;

    Defect(String label) {
      this.label = label;
    }
  }

  /** Replaces {@code removeCount} lines from {@code start} (from 0) with {@code added}. */
  record Edit(int start, int removeCount, List<String> added) {}

  /** One hunk as lines with their prefix, plus the numbers of its header. */
  record Hunk(int oldStart, int newStart, List<String> body) {}

  /**
   * One benchmark case: the file, the diff to apply, the intended text and whether the intended
   * text can be found at all (a hunk with wrong or no numbers whose lines occur several times in
   * the file cannot be placed by anyone; such cases are counted apart).
   */
  record Case(String text, String diff, String intended, boolean placeable) {}

  /** The three ways a tool can end a case. */
  enum Outcome {
    CORRECT,
    WRONG,
    REFUSED
  }

  /** A tool under test: gets the file and the diff, returns the new text or null if refused. */
  interface Tool {
    String apply(String text, String diff) throws Exception;
  }

  /**
   * Builds the cases, runs every tool on them and prints the table.
   *
   * @param args optional: cases per defect class (default 200), then the zip of sources (default
   *     the running JDK's {@code lib/src.zip})
   */
  public static void main(String[] args) throws Exception {
    int perClass = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path zip =
        Path.of(args.length > 1 ? args[1] : System.getProperty("java.home") + "/lib/src.zip");
    long started = System.nanoTime();
    List<List<String>> corpus = corpus(zip, new Random(SEED));
    Path work = Files.createTempDirectory("accuracy-bench");
    Map<String, Tool> tools = new LinkedHashMap<>();
    tools.put("engine", AccuracyBench::engine);
    tools.put(
        "GNU patch",
        (text, diff) ->
            external(
                work,
                text,
                diff,
                "patch",
                "-p1",
                "--no-backup-if-mismatch",
                "--batch",
                "-s",
                "-i",
                "change.diff"));
    tools.put(
        "git apply", (text, diff) -> external(work, text, diff, "git", "apply", "change.diff"));
    tools.put(
        "git apply --recount",
        (text, diff) -> external(work, text, diff, "git", "apply", "--recount", "change.diff"));

    System.out.printf(
        Locale.ROOT,
        "java %s, %s, %d files in corpus, %d cases per class, seed %d%n%n",
        Runtime.version(),
        zip,
        corpus.size(),
        perClass,
        SEED);
    StringBuilder header = new StringBuilder("| defect class | cases | placeable |");
    StringBuilder rule = new StringBuilder("|---|--:|--:|");
    for (String tool : tools.keySet()) {
      header.append(' ').append(tool).append(" exact | wrong | refused |");
      rule.append("--:|--:|--:|");
    }
    System.out.println(header);
    System.out.println(rule);
    Map<Defect, int[]> engineOnPlaceable = new EnumMap<>(Defect.class);
    for (Defect defect : Defect.values()) {
      Random random = new Random(SEED * 31 + defect.ordinal());
      List<Case> cases = new ArrayList<>();
      while (cases.size() < perClass) {
        Case c = makeCase(defect, corpus.get(random.nextInt(corpus.size())), random);
        if (c != null) {
          cases.add(c);
        }
      }
      long placeable = cases.stream().filter(Case::placeable).count();
      StringBuilder row =
          new StringBuilder()
              .append("| ")
              .append(defect.label)
              .append(" | ")
              .append(cases.size())
              .append(" | ")
              .append(defect == Defect.INVENTED ? "0" : String.valueOf(placeable))
              .append(" |");
      for (Map.Entry<String, Tool> tool : tools.entrySet()) {
        int[] counts = new int[3];
        int[] placeableCounts = new int[3];
        for (Case c : cases) {
          Outcome outcome = outcome(defect, c, tool.getValue());
          if (outcome == Outcome.WRONG && DUMP != null && tool.getKey().equals("engine")) {
            dump(defect, c);
          }
          counts[outcome.ordinal()]++;
          if (c.placeable()) {
            placeableCounts[outcome.ordinal()]++;
          }
        }
        if (tool.getKey().equals("engine")) {
          engineOnPlaceable.put(defect, placeableCounts);
        }
        row.append(
            String.format(
                Locale.ROOT,
                " %.1f%% | %d | %d |",
                100.0 * counts[0] / cases.size(),
                counts[1],
                counts[2]));
      }
      System.out.println(row);
    }
    System.out.println();
    System.out.println("Engine on placeable cases only (correct / placeable, wrong, refused):");
    int correct = 0;
    int total = 0;
    for (Map.Entry<Defect, int[]> entry : engineOnPlaceable.entrySet()) {
      int[] c = entry.getValue();
      int n = c[0] + c[1] + c[2];
      if (entry.getKey() != Defect.INVENTED) {
        correct += c[0];
        total += n;
        System.out.printf(
            Locale.ROOT,
            "  %-40s %d/%d (%.1f%%), wrong %d, refused %d%n",
            entry.getKey().label,
            c[0],
            n,
            100.0 * c[0] / n,
            c[1],
            c[2]);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "  %-40s %d/%d (%.2f%%)%n",
        "all placeable",
        correct,
        total,
        100.0 * correct / total);
    System.out.printf(Locale.ROOT, "%nran in %.1f s%n", (System.nanoTime() - started) / 1e9);
    deleteTree(work);
  }

  /** Set {@code ACCURACY_DUMP} to a directory to keep every case the engine got wrong. */
  private static final String DUMP = System.getenv("ACCURACY_DUMP");

  private static int dumped;

  static void dump(Defect defect, Case c) throws IOException {
    Path dir = Path.of(DUMP, defect.name().toLowerCase(Locale.ROOT) + "-" + dumped++);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("file"), c.text());
    Files.writeString(dir.resolve("diff"), c.diff());
    Files.writeString(dir.resolve("intended"), c.intended());
    Files.writeString(dir.resolve("engine"), String.valueOf(engine(c.text(), c.diff())));
  }

  // ---------------------------------------------------------------- corpus

  /** A fixed-seed sample of real source files of 80 to 3,000 lines, LF endings, final newline. */
  static List<List<String>> corpus(Path zip, Random random) throws IOException {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      List<ZipEntry> entries = new ArrayList<>();
      file.stream().filter(e -> e.getName().endsWith(".java")).forEach(entries::add);
      entries.sort(Comparator.comparing(ZipEntry::getName));
      Collections.shuffle(entries, random);
      List<List<String>> corpus = new ArrayList<>();
      for (ZipEntry entry : entries) {
        if (corpus.size() == CORPUS_FILES) {
          break;
        }
        String text;
        try (InputStream in = file.getInputStream(entry)) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // CR and non-ASCII would measure the tools' encoding handling, not their placing.
        if (text.indexOf('\r') >= 0 || !StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
          continue;
        }
        List<String> lines = List.of(text.split("\n", -1));
        lines =
            lines.subList(
                0, lines.get(lines.size() - 1).isEmpty() ? lines.size() - 1 : lines.size());
        if (lines.size() >= 80 && lines.size() <= 3_000) {
          corpus.add(lines);
        }
      }
      return corpus;
    }
  }

  // ---------------------------------------------------------------- cases

  /** A case for the defect class, or null when this file and these edits do not exhibit it. */
  static Case makeCase(Defect defect, List<String> old, Random random) {
    List<Edit> edits = edits(old, random);
    List<String> intendedLines = applied(old, edits);
    String ending = defect == Defect.CRLF ? "\r\n" : "\n";
    String text = join(old, ending);
    String intended = join(intendedLines, ending);
    int context = defect == Defect.LESS_CONTEXT ? 1 : 3;
    List<Hunk> hunks = hunks(old, edits, context);
    boolean numbersTrusted = true;
    List<Hunk> perturbed = new ArrayList<>();
    int shift = 0;
    if (defect == Defect.SHIFTED) {
      shift = (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(40));
    }
    int invented = random.nextInt(hunks.size());
    for (int h = 0; h < hunks.size(); h++) {
      Hunk hunk = hunks.get(h);
      List<String> body = new ArrayList<>(hunk.body());
      switch (defect) {
        case BLANK_DROPPED -> {
          // Only a blank line between two non-blank context lines. One next to a change, or one
          // of a run of blank lines, leaves open how many blanks go before the change, so the
          // intended text is not determined by the diff (see RESULTS.md for what that gives).
          List<String> original = hunk.body();
          body.clear();
          for (int i = 0; i < original.size(); i++) {
            boolean between =
                i > 0
                    && i + 1 < original.size()
                    && nonBlankContext(original.get(i - 1))
                    && nonBlankContext(original.get(i + 1));
            if (!(original.get(i).equals(" ") && between)) {
              body.add(original.get(i));
            }
          }
        }
        case TRAILING_WS -> {
          for (int i = 0; i < body.size(); i++) {
            if (body.get(i).startsWith(" ") && random.nextBoolean()) {
              body.set(i, body.get(i) + (random.nextBoolean() ? "  " : "\t"));
            }
          }
        }
        case INDENT_SHIFT -> {
          String indent = "    ";
          for (int i = 0; i < body.size(); i++) {
            String line = body.get(i);
            if (line.length() > 1) {
              body.set(i, line.charAt(0) + indent + line.substring(1));
            }
          }
        }
        case INVENTED -> {
          if (h == invented) {
            List<Integer> contextAt = new ArrayList<>();
            for (int i = 0; i < body.size(); i++) {
              if (body.get(i).startsWith(" ")) {
                contextAt.add(i);
              }
            }
            int at = contextAt.isEmpty() ? 0 : contextAt.get(random.nextInt(contextAt.size()));
            String indent = indentOf(body.get(at).substring(Math.min(1, body.get(at).length())));
            body.add(at, " " + indent + "checkState(); // invented by the model");
          }
        }
        default -> {}
      }
      perturbed.add(new Hunk(hunk.oldStart(), hunk.newStart(), body));
    }
    if (defect == Defect.BLANK_DROPPED && perturbed.equals(hunks)) {
      return null; // no blank context line to drop
    }
    if (defect == Defect.TRAILING_WS && perturbed.equals(hunks)) {
      return null;
    }
    StringBuilder diff = new StringBuilder("--- a/" + NAME + "\n+++ b/" + NAME + "\n");
    for (Hunk hunk : perturbed) {
      int oldCount = (int) hunk.body().stream().filter(l -> !l.startsWith("+")).count();
      int newCount = (int) hunk.body().stream().filter(l -> !l.startsWith("-")).count();
      switch (defect) {
        case NO_NUMBERS -> {
          diff.append("@@ ... @@\n");
          numbersTrusted = false;
        }
        case SHIFTED -> {
          diff.append(
              header(
                  Math.max(1, hunk.oldStart() + shift),
                  oldCount,
                  Math.max(1, hunk.newStart() + shift),
                  newCount));
          numbersTrusted = false;
        }
        case WRONG_COUNTS -> {
          int wrongOld =
              Math.max(0, oldCount + (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(4)));
          int wrongNew =
              Math.max(0, newCount + (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(4)));
          diff.append(header(hunk.oldStart(), wrongOld, hunk.newStart(), wrongNew));
        }
        default -> diff.append(header(hunk.oldStart(), oldCount, hunk.newStart(), newCount));
      }
      hunk.body().forEach(line -> diff.append(line).append('\n'));
    }
    boolean placeable = defect != Defect.INVENTED && (numbersTrusted || unique(old, perturbed));
    return new Case(text, diff.toString(), intended, placeable);
  }

  /** One to three non-overlapping edits, far enough apart to make one hunk each. */
  static List<Edit> edits(List<String> old, Random random) {
    int count = 1 + random.nextInt(3);
    List<Edit> edits = new ArrayList<>();
    for (int attempt = 0; edits.size() < count && attempt < 50; attempt++) {
      int kind = random.nextInt(3); // 0 replace, 1 insert, 2 delete
      int remove = kind == 1 ? 0 : 1 + random.nextInt(4);
      int start = random.nextInt(old.size() - remove + 1);
      boolean clear =
          edits.stream()
              .allMatch(
                  e -> start + remove + 7 < e.start() || e.start() + e.removeCount() + 7 < start);
      if (!clear) {
        continue;
      }
      List<String> added = new ArrayList<>();
      if (kind != 2) {
        String indent = indentOf(old.get(Math.min(start, old.size() - 1)));
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
          added.add(realisticLine(old, indent, random));
        }
      }
      edits.add(new Edit(start, remove, added));
    }
    edits.sort(Comparator.comparingInt(Edit::start));
    return edits;
  }

  /** A line from elsewhere in the file, re-indented and changed so it is new text. */
  static String realisticLine(List<String> old, String indent, Random random) {
    for (int attempt = 0; attempt < 20; attempt++) {
      String line = old.get(random.nextInt(old.size())).strip();
      if (line.length() > 3 && !line.startsWith("*") && !line.startsWith("/")) {
        String changed = line.replaceFirst("([A-Za-z_][A-Za-z0-9_]*)", "$1Updated");
        return indent + changed;
      }
    }
    return indent + "log(\"changed\");";
  }

  static boolean nonBlankContext(String line) {
    return line.startsWith(" ") && !line.isBlank();
  }

  static String indentOf(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return line.substring(0, i);
  }

  static List<String> applied(List<String> old, List<Edit> edits) {
    List<String> result = new ArrayList<>();
    int next = 0;
    for (Edit edit : edits) {
      result.addAll(old.subList(next, edit.start()));
      result.addAll(edit.added());
      next = edit.start() + edit.removeCount();
    }
    result.addAll(old.subList(next, old.size()));
    return result;
  }

  /** The hunks {@code diff -U<context>} would write, with their true numbers. */
  static List<Hunk> hunks(List<String> old, List<Edit> edits, int context) {
    List<Hunk> hunks = new ArrayList<>();
    int delta = 0;
    for (Edit edit : edits) {
      int from = Math.max(0, edit.start() - context);
      int to = Math.min(old.size(), edit.start() + edit.removeCount() + context);
      List<String> body = new ArrayList<>();
      for (int line = from; line < edit.start(); line++) {
        body.add(" " + old.get(line));
      }
      for (int r = 0; r < edit.removeCount(); r++) {
        body.add("-" + old.get(edit.start() + r));
      }
      edit.added().forEach(line -> body.add("+" + line));
      for (int line = edit.start() + edit.removeCount(); line < to; line++) {
        body.add(" " + old.get(line));
      }
      int oldCount = (int) body.stream().filter(l -> !l.startsWith("+")).count();
      int newCount = (int) body.stream().filter(l -> !l.startsWith("-")).count();
      int oldStart = oldCount == 0 ? from : from + 1;
      int newStart = (newCount == 0 ? from : from + 1) + delta;
      hunks.add(new Hunk(oldStart, newStart, body));
      delta += newCount - oldCount;
    }
    return hunks;
  }

  static String header(int oldStart, int oldCount, int newStart, int newCount) {
    return "@@ -" + oldStart + "," + oldCount + " +" + newStart + "," + newCount + " @@\n";
  }

  /**
   * Whether every hunk's expected lines, compared stripped and without blank lines (the most
   * tolerant comparison any tool here makes), occur exactly once in the file.
   */
  static boolean unique(List<String> old, List<Hunk> hunks) {
    List<String> file = old.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    for (Hunk hunk : hunks) {
      List<String> expected =
          hunk.body().stream()
              .filter(l -> !l.startsWith("+"))
              .map(l -> l.substring(1).strip())
              .filter(l -> !l.isEmpty())
              .toList();
      if (expected.isEmpty()) {
        return false;
      }
      int found = 0;
      for (int i = 0; i + expected.size() <= file.size() && found < 2; i++) {
        if (file.subList(i, i + expected.size()).equals(expected)) {
          found++;
        }
      }
      if (found != 1) {
        return false;
      }
    }
    return true;
  }

  static String join(List<String> lines, String ending) {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append(ending));
    return text.toString();
  }

  // ---------------------------------------------------------------- tools

  static Outcome outcome(Defect defect, Case c, Tool tool) throws Exception {
    String result = tool.apply(c.text(), c.diff());
    boolean unchanged = result == null || result.equals(c.text());
    if (defect == Defect.INVENTED) {
      return result == null ? Outcome.CORRECT : Outcome.WRONG;
    }
    if (result != null && result.equals(c.intended())) {
      return Outcome.CORRECT;
    }
    return unchanged ? Outcome.REFUSED : Outcome.WRONG;
  }

  static String engine(String text, String diff) {
    return PatchApplier.apply(text, diff) instanceof ApplyResult.Applied applied
        ? applied.newText()
        : null;
  }

  /**
   * Runs a command in a fresh directory holding the file and the diff. Returns the file's text when
   * the command succeeded; when it failed, null if the file is unchanged, else the changed text
   * (GNU patch applies the hunks it can place and rejects the rest, which is a wrong apply).
   */
  static String external(Path work, String text, String diff, String... command)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(work, "case");
    Path file = dir.resolve(NAME);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("change.diff"), diff, StandardCharsets.UTF_8);
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    boolean done = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!done) {
      process.destroyForcibly().waitFor();
    }
    String after = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    deleteTree(dir);
    if (done && process.exitValue() == 0) {
      return after;
    }
    return after.equals(text) ? null : after;
  }

  static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
