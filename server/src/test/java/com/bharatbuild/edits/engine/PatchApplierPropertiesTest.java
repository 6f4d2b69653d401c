package com.bharatbuild.edits.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.edits.engine.DiffGenerator.Edit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random files, random edits, the diff a generator writes for them, perturbed the way models
 * perturb diffs: the engine must still produce exactly the intended text, or refuse and change
 * nothing when the diff's context was invented.
 */
class PatchApplierPropertiesTest {

  /** A file and edits on it; every non-blank line is unique and no two blank lines touch. */
  record Case(List<String> file, List<Edit> edits, long seed) {

    String oldText() {
      return DiffGenerator.text(file, "\n");
    }

    String newText() {
      return DiffGenerator.text(DiffGenerator.applied(file, edits), "\n");
    }

    String diff() {
      return DiffGenerator.diff(file, edits, 3);
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(
            Arbitraries.integers().between(5, 120),
            Arbitraries.longs(),
            Arbitraries.integers().between(1, 4))
        .as(PatchApplierPropertiesTest::generate);
  }

  private static Case generate(int size, long seed, int editCount) {
    Random random = new Random(seed);
    List<String> file = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      boolean blank = random.nextInt(7) == 0 && i > 0 && !file.get(i - 1).isEmpty();
      file.add(blank ? "" : codeLine(random, "l" + i));
    }
    List<Edit> edits = new ArrayList<>();
    int position = random.nextInt(Math.max(1, size / (editCount + 1)));
    for (int e = 0; e < editCount && position <= size; e++) {
      int remove = Math.min(random.nextInt(4), size - position);
      List<String> added = new ArrayList<>();
      int addCount = remove == 0 ? 1 + random.nextInt(3) : random.nextInt(4);
      for (int a = 0; a < addCount; a++) {
        added.add(codeLine(random, "new" + e + "_" + a));
      }
      edits.add(new Edit(position, remove, added));
      position += remove + 1 + random.nextInt(Math.max(1, size / (editCount + 1)));
    }
    return new Case(List.copyOf(file), List.copyOf(edits), seed);
  }

  private static String codeLine(Random random, String id) {
    String indent = "  ".repeat(random.nextInt(4));
    return switch (random.nextInt(4)) {
      case 0 -> indent + "int " + id + " = compute(" + random.nextInt(100) + ");";
      case 1 -> indent + "if (" + id + " > limit) {";
      case 2 -> indent + "log(\"" + id + "\");";
      default -> indent + "return " + id + ";";
    };
  }

  @Property(tries = 300)
  void theGeneratedDiffAppliesExactly(@ForAll("cases") Case c) {
    ApplyResult result = PatchApplier.apply(c.oldText(), c.diff());

    assertThat(result).isInstanceOf(ApplyResult.Applied.class);
    ApplyResult.Applied applied = (ApplyResult.Applied) result;
    assertThat(applied.newText()).isEqualTo(c.newText());
    assertThat(applied.hunks()).extracting(HunkReport::match).containsOnly(MatchKind.EXACT);
  }

  @Property(tries = 300)
  void theNormalizedDiffReappliesExactly(@ForAll("cases") Case c) {
    ApplyResult.Applied first = applied(PatchApplier.apply(c.oldText(), c.diff()));

    ApplyResult.Applied again = applied(PatchApplier.apply(c.oldText(), first.normalizedDiff()));

    assertThat(again.newText()).isEqualTo(c.newText());
    assertThat(again.hunks()).extracting(HunkReport::match).containsOnly(MatchKind.EXACT);
  }

  @Property(tries = 300)
  void wrongLineNumbersStillApply(@ForAll("cases") Case c) {
    Random random = new Random(c.seed());
    String shifted =
        replaceHeaders(
            c.diff(),
            (oldStart, oldCount) -> {
              int start = Math.max(1, oldStart + random.nextInt(81) - 40);
              return "@@ -" + start + "," + (oldCount + random.nextInt(3)) + " +" + start + " @@";
            });

    assertThat(applied(PatchApplier.apply(c.oldText(), shifted)).newText()).isEqualTo(c.newText());
  }

  @Property(tries = 200)
  void headersWithoutNumbersStillApply(@ForAll("cases") Case c) {
    String bare = replaceHeaders(c.diff(), (oldStart, oldCount) -> "@@ ... @@");

    assertThat(applied(PatchApplier.apply(c.oldText(), bare)).newText()).isEqualTo(c.newText());
  }

  @Property(tries = 300)
  void trailingWhitespaceOnContextLinesIsToleratedAndTheFileKeepsItsText(@ForAll("cases") Case c) {
    String drifted =
        c.diff()
            .lines()
            .map(line -> line.startsWith(" ") ? line + "  \t" : line)
            .reduce("", (text, line) -> text + line + "\n");

    ApplyResult.Applied applied = applied(PatchApplier.apply(c.oldText(), drifted));

    assertThat(applied.newText()).isEqualTo(c.newText());
  }

  @Property(tries = 200)
  void anLfDiffOnACrlfFileKeepsCrlf(@ForAll("cases") Case c) {
    String crlf = DiffGenerator.text(c.file(), "\r\n");

    ApplyResult.Applied applied = applied(PatchApplier.apply(crlf, c.diff()));

    assertThat(applied.newText())
        .isEqualTo(DiffGenerator.text(DiffGenerator.applied(c.file(), c.edits()), "\r\n"));
  }

  @Property(tries = 200)
  void aDiffWrittenAgainstUnindentedCodeIsReindented(@ForAll("cases") Case c) {
    String indentedOld = DiffGenerator.text(indent(c.file()), "\n");

    ApplyResult.Applied applied = applied(PatchApplier.apply(indentedOld, c.diff()));

    assertThat(applied.newText())
        .isEqualTo(DiffGenerator.text(indent(DiffGenerator.applied(c.file(), c.edits())), "\n"));
  }

  @Property(tries = 300)
  void blankContextLinesLeftOutStillApply(@ForAll("cases") Case c) {
    List<String> lines = c.diff().lines().toList();
    StringBuilder thinned = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      boolean blankContext = lines.get(i).equals(" ");
      boolean betweenContext =
          i > 0
              && i + 1 < lines.size()
              && lines.get(i - 1).startsWith(" ")
              && lines.get(i + 1).startsWith(" ");
      if (!(blankContext && betweenContext)) {
        thinned.append(lines.get(i)).append('\n');
      }
    }

    assertThat(applied(PatchApplier.apply(c.oldText(), thinned.toString())).newText())
        .isEqualTo(c.newText());
  }

  @Property(tries = 300)
  void inventedContextIsRefusedAndNothingIsApplied(@ForAll("cases") Case c) {
    List<String> lines = new ArrayList<>(c.diff().lines().toList());
    int target = -1;
    for (int i = 0; i < lines.size() && target < 0; i++) {
      if (lines.get(i).startsWith(" ") && !lines.get(i).isBlank()) {
        target = i;
      }
    }
    if (target < 0) {
      for (int i = 0; i < lines.size() && target < 0; i++) {
        if (lines.get(i).startsWith("-") && !lines.get(i).startsWith("---")) {
          target = i;
        }
      }
    }
    if (target < 0) {
      // a diff of added lines only has no context to invent; its property is covered elsewhere
      return;
    }
    lines.set(target, lines.get(target).charAt(0) + "  invented(" + c.seed() + ");");

    ApplyResult result = PatchApplier.apply(c.oldText(), String.join("\n", lines) + "\n");

    assertThat(result).isInstanceOf(ApplyResult.Failed.class);
    ApplyResult.Failed failed = (ApplyResult.Failed) result;
    assertThat(failed.kind()).isEqualTo(FailureKind.NO_MATCH);
    assertThat(failed.expected()).contains("  invented(" + c.seed() + ");");
    assertThat(failed.closest()).isPresent();
    assertThat(failed.reason()).contains("invented(" + c.seed() + ")");
  }

  private static List<String> indent(List<String> lines) {
    return lines.stream().map(line -> line.isEmpty() ? line : "\t" + line).toList();
  }

  private static ApplyResult.Applied applied(ApplyResult result) {
    assertThat(result).isInstanceOf(ApplyResult.Applied.class);
    return (ApplyResult.Applied) result;
  }

  private interface HeaderRewrite {
    String rewrite(int oldStart, int oldCount);
  }

  private static final Pattern HEADER =
      Pattern.compile("^@@ -(\\d+),(\\d+) .*$", Pattern.MULTILINE);

  private static String replaceHeaders(String diff, HeaderRewrite rewrite) {
    Matcher matcher = HEADER.matcher(diff);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(
          result,
          Matcher.quoteReplacement(
              rewrite.rewrite(
                  Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)))));
    }
    matcher.appendTail(result);
    return result.toString();
  }
}
