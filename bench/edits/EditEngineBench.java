import com.bharatbuild.edits.engine.ApplyResult;
import com.bharatbuild.edits.engine.OperationStreamParser;
import com.bharatbuild.edits.engine.PatchApplier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Times the edit engine alone: patches applied to generated files of 1k, 10k and 100k lines, with
 * exact line numbers, with stale line numbers (the hunks must be searched for), and tolerantly (no
 * line numbers, trailing whitespace on every context line); plus the operation stream parser.
 *
 * <p>Run with the engine's classes on the class path (see README.md): {@code java -cp <classes>
 * bench/edits/EditEngineBench.java}
 */
public class EditEngineBench {

  private static final long BUDGET_NANOS = 1_500_000_000L;
  private static final int MIN_RUNS = 20;

  public static void main(String[] args) {
    System.out.printf(
        Locale.ROOT,
        "java %s, %d cores%n%n%-34s %8s %8s %12s %10s %10s%n",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        "case",
        "lines",
        "hunks",
        "ops/s",
        "p50 ms",
        "p99 ms");
    for (int lines : new int[] {1_000, 10_000, 100_000}) {
      Fixture fixture = Fixture.of(lines, 10, new Random(lines));
      run("exact line numbers", fixture, fixture.diff(0, false, false));
      run("stale line numbers (+37)", fixture, fixture.diff(37, false, false));
      run("no numbers, trailing whitespace", fixture, fixture.diff(0, true, true));
    }
    Fixture many = Fixture.of(10_000, 1_000, new Random(7));
    run("exact line numbers", many, many.diff(0, false, false));
    run("stale line numbers (+37)", many, many.diff(37, false, false));
    run("no numbers, trailing whitespace", many, many.diff(0, true, true));
    streamParser();
  }

  private static void run(String name, Fixture fixture, String diff) {
    ApplyResult first = PatchApplier.apply(fixture.text(), diff);
    if (!(first instanceof ApplyResult.Applied applied)
        || !applied.newText().equals(fixture.expected())) {
      throw new IllegalStateException(name + ": wrong result " + first);
    }
    long[] times = time(() -> PatchApplier.apply(fixture.text(), diff));
    report(name, fixture.lines(), fixture.hunks(), times);
  }

  private static void streamParser() {
    StringBuilder answer = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      answer.append("Some prose with `code` and a < sign, step ").append(i).append(".\n");
      answer.append("<operation type=\"modify\" path=\"src/File").append(i).append(".java\">\n");
      answer.append("<description>Change ").append(i).append("</description>\n<diff>\n");
      answer.append("@@ -1,3 +1,3 @@\n context\n-old</content>\n+new\n".repeat(40));
      answer.append("</diff>\n</operation>\n");
    }
    String text = answer.toString();
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < text.length(); i += 16) {
      chunks.add(text.substring(i, Math.min(text.length(), i + 16)));
    }
    long[] times =
        time(
            () -> {
              int[] closed = new int[1];
              OperationStreamParser parser =
                  new OperationStreamParser(
                      event -> {
                        if (event
                            instanceof com.bharatbuild.edits.engine.StreamEvent.OperationClosed) {
                          closed[0]++;
                        }
                      });
              chunks.forEach(parser::feed);
              parser.finish();
              if (closed[0] != 200) {
                throw new IllegalStateException("closed " + closed[0]);
              }
              return closed[0];
            });
    System.out.printf(
        Locale.ROOT,
        "%nstream parser: %,d chars in %,d chunks of 16: p50 %.2f ms, p99 %.2f ms (%.0f MB/s at"
            + " p50)%n",
        text.length(),
        chunks.size(),
        times[times.length / 2] / 1e6,
        times[(int) (times.length * 0.99)] / 1e6,
        text.length() / (times[times.length / 2] / 1e9) / 1e6);
  }

  private static long[] time(java.util.function.Supplier<Object> work) {
    long warmEnd = System.nanoTime() + BUDGET_NANOS / 2;
    while (System.nanoTime() < warmEnd) {
      work.get();
    }
    List<Long> samples = new ArrayList<>();
    long end = System.nanoTime() + BUDGET_NANOS;
    while (System.nanoTime() < end || samples.size() < MIN_RUNS) {
      long start = System.nanoTime();
      work.get();
      samples.add(System.nanoTime() - start);
    }
    long[] times = samples.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(times);
    return times;
  }

  private static void report(String name, int lines, int hunks, long[] times) {
    double total = Arrays.stream(times).sum() / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%-34s %8d %8d %12.1f %10.3f %10.3f%n",
        name,
        lines,
        hunks,
        times.length / total,
        times[times.length / 2] / 1e6,
        times[Math.min(times.length - 1, (int) (times.length * 0.99))] / 1e6);
  }

  /** A file of unique code-like lines and one-line replacements spread evenly through it. */
  record Fixture(
      int lines, int hunks, List<String> file, int[] changed, String text, String expected) {

    static Fixture of(int lines, int hunks, Random random) {
      List<String> file = new ArrayList<>();
      for (int i = 0; i < lines; i++) {
        file.add(
            i % 9 == 8
                ? ""
                : "    ".repeat(1 + random.nextInt(3))
                    + "value"
                    + i
                    + " = compute("
                    + random.nextInt(1000)
                    + ");");
      }
      int[] changed = new int[hunks];
      int step = lines / hunks;
      for (int h = 0; h < hunks; h++) {
        int line = h * step + step / 2;
        changed[h] = file.get(line).isEmpty() ? line + 1 : line;
      }
      List<String> after = new ArrayList<>(file);
      for (int line : changed) {
        after.set(line, file.get(line) + " // edited");
      }
      return new Fixture(lines, hunks, file, changed, join(file), join(after));
    }

    /** A diff with 3 lines of context per hunk, its numbers shifted, optionally tolerant. */
    String diff(int shift, boolean noNumbers, boolean trailingSpace) {
      StringBuilder diff = new StringBuilder("--- a/File.java\n+++ b/File.java\n");
      for (int line : changed) {
        int from = Math.max(0, line - 3);
        int to = Math.min(file.size(), line + 4);
        diff.append(
            noNumbers
                ? "@@ ... @@\n"
                : "@@ -"
                    + (from + 1 + shift)
                    + ","
                    + (to - from)
                    + " +"
                    + (from + 1 + shift)
                    + ","
                    + (to - from)
                    + " @@\n");
        for (int i = from; i < to; i++) {
          if (i == line) {
            diff.append('-').append(file.get(i)).append('\n');
            diff.append('+').append(file.get(i)).append(" // edited\n");
          } else {
            diff.append(' ').append(file.get(i)).append(trailingSpace ? "  \n" : "\n");
          }
        }
      }
      return diff.toString();
    }

    private static String join(List<String> lines) {
      return String.join("\n", lines) + "\n";
    }
  }
}
