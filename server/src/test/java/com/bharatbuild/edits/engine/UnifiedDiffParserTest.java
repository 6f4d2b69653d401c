package com.bharatbuild.edits.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.bharatbuild.edits.engine.HunkLine.Kind;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UnifiedDiffParserTest {

  @Test
  void readsAStandardDiff() throws PatchParseException {
    Patch patch =
        UnifiedDiffParser.parse(
            """
            diff --git a/src/a.ts b/src/a.ts
            index 83db48f..bf269f4 100644
            --- a/src/a.ts
            +++ b/src/a.ts
            @@ -1,3 +1,3 @@ function f() {
             one
            -two
            +TWO
             three
            @@ -10 +10,2 @@
             ten
            +eleven
            """);

    assertThat(patch.oldPath()).contains("src/a.ts");
    assertThat(patch.newPath()).contains("src/a.ts");
    assertThat(patch.hunks()).hasSize(2);
    Hunk first = patch.hunks().getFirst();
    assertThat(first.header()).isEqualTo("@@ -1,3 +1,3 @@ function f() {");
    assertThat(first.statedOldStart()).hasValue(1);
    assertThat(first.statedOldCount()).hasValue(3);
    assertThat(first.lines())
        .containsExactly(
            new HunkLine(Kind.CONTEXT, "one"),
            new HunkLine(Kind.REMOVE, "two"),
            new HunkLine(Kind.ADD, "TWO"),
            new HunkLine(Kind.CONTEXT, "three"));
    assertThat(patch.hunks().get(1).statedOldStart()).hasValue(10);
    assertThat(patch.hunks().get(1).statedOldCount()).hasValue(1);
  }

  /**
   * @param old the expected old-side path, null for none
   */
  record Shape(
      String name,
      String diff,
      String old,
      int hunks,
      OptionalInt firstStart,
      List<HunkLine> firstLines) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Shape> shapes() {
    List<HunkLine> change =
        List.of(
            new HunkLine(Kind.CONTEXT, "a"),
            new HunkLine(Kind.REMOVE, "b"),
            new HunkLine(Kind.ADD, "c"));
    return Stream.of(
        new Shape(
            "no file headers", "@@ -1,2 +1,2 @@\n a\n-b\n+c\n", null, 1, OptionalInt.of(1), change),
        new Shape(
            "@@ ... @@ without numbers",
            "@@ ... @@\n a\n-b\n+c\n",
            null,
            1,
            OptionalInt.empty(),
            change),
        new Shape("bare @@", "--- x\n+++ x\n@@\n a\n-b\n+c\n", "x", 1, OptionalInt.empty(), change),
        new Shape(
            "no @@ line at all",
            "--- a/x\n+++ b/x\n a\n-b\n+c\n",
            "x",
            1,
            OptionalInt.empty(),
            change),
        new Shape(
            "timestamps and other prefixes",
            "--- old/x.txt\t2020-01-01\n+++ new/x.txt\t2020-01-02\n@@ -1 +1 @@\n a\n-b\n+c\n",
            "old/x.txt",
            1,
            OptionalInt.of(1),
            change),
        new Shape(
            "wrong counts are ignored",
            "@@ -1,9 +1,1 @@\n a\n-b\n+c\n@@ -5,1 +5,1 @@\n-x\n+y\n",
            null,
            2,
            OptionalInt.of(1),
            change),
        new Shape(
            "prose after the last hunk is not part of it",
            "@@ -1,2 +1,2 @@\n a\n-b\n+c\n\nThis renames b to c.\n",
            null,
            1,
            OptionalInt.of(1),
            change),
        new Shape(
            "an empty line inside a hunk is a blank context line",
            "@@ @@\n a\n\n-b\n+c\n",
            null,
            1,
            OptionalInt.empty(),
            List.of(
                new HunkLine(Kind.CONTEXT, "a"),
                new HunkLine(Kind.CONTEXT, ""),
                new HunkLine(Kind.REMOVE, "b"),
                new HunkLine(Kind.ADD, "c"))),
        new Shape(
            "a --- line inside a hunk whose counts are not used up is a removed line",
            "@@ -1,2 +1,2 @@\n--- a\n+++ b\n x\n",
            null,
            1,
            OptionalInt.of(1),
            List.of(
                new HunkLine(Kind.REMOVE, "-- a"),
                new HunkLine(Kind.ADD, "++ b"),
                new HunkLine(Kind.CONTEXT, "x"))),
        new Shape(
            "the same header repeated before each hunk",
            "--- a/x\n+++ b/x\n@@ -1 +1 @@\n a\n-b\n+c\n--- a/x\n+++ b/x\n@@ -9 +9 @@\n-y\n+z\n",
            "x",
            2,
            OptionalInt.of(1),
            change),
        new Shape(
            "hunks that change nothing are dropped",
            "@@ -1 +1 @@\n a\n@@ -3 +3 @@\n a\n-b\n+c\n",
            null,
            1,
            OptionalInt.of(3),
            change));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void readsWhatModelsWrite(Shape shape) throws PatchParseException {
    Patch patch = UnifiedDiffParser.parse(shape.diff());

    assertThat(patch.oldPath()).isEqualTo(Optional.ofNullable(shape.old()));
    assertThat(patch.hunks()).hasSize(shape.hunks());
    assertThat(patch.hunks().getFirst().statedOldStart()).isEqualTo(shape.firstStart());
    assertThat(patch.hunks().getFirst().lines()).isEqualTo(shape.firstLines());
  }

  @Test
  void noNewlineMarkersMarkTheSideOfTheLineBefore() throws PatchParseException {
    Hunk removedOnly =
        UnifiedDiffParser.parse("@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n")
            .hunks()
            .getFirst();
    Hunk addedOnly =
        UnifiedDiffParser.parse("@@ -1 +1 @@\n-a\n+b\n\\ No newline at end of file\n")
            .hunks()
            .getFirst();
    Hunk context =
        UnifiedDiffParser.parse("@@ -1,2 +1,2 @@\n-a\n+b\n c\n\\ No newline at end of file\n")
            .hunks()
            .getFirst();

    assertThat(removedOnly.oldMissingFinalNewline()).isTrue();
    assertThat(removedOnly.newMissingFinalNewline()).isFalse();
    assertThat(addedOnly.oldMissingFinalNewline()).isFalse();
    assertThat(addedOnly.newMissingFinalNewline()).isTrue();
    assertThat(context.oldMissingFinalNewline()).isTrue();
    assertThat(context.newMissingFinalNewline()).isTrue();
  }

  @Test
  void devNullMeansCreateOrDelete() throws PatchParseException {
    Patch create = UnifiedDiffParser.parse("--- /dev/null\n+++ b/n.txt\n@@ -0,0 +1 @@\n+x\n");
    Patch delete = UnifiedDiffParser.parse("--- a/n.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n");
    Patch headerless = UnifiedDiffParser.parse("@@ -0,0 +1,2 @@\n+x\n+y\n");
    Patch modify = UnifiedDiffParser.parse("--- a/n.txt\n+++ b/n.txt\n@@ -1 +1 @@\n-x\n+y\n");

    assertThat(create.createsFile()).isTrue();
    assertThat(create.deletesFile()).isFalse();
    assertThat(delete.deletesFile()).isTrue();
    assertThat(delete.createsFile()).isFalse();
    assertThat(headerless.createsFile()).isTrue();
    assertThat(modify.createsFile()).isFalse();
    assertThat(modify.deletesFile()).isFalse();
  }

  record Garbage(String name, String diff, String reason) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Garbage> garbage() {
    return Stream.of(
        new Garbage("empty", "  \n", "The diff is empty"),
        new Garbage("prose", "I changed the button colour.\n", "No hunk found"),
        new Garbage("hunks with only context", "@@ -1,2 +1,2 @@\n a\n b\n", "change nothing"),
        new Garbage(
            "two files",
            "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n--- a/y\n+++ b/y\n@@ -1 +1 @@\n-a\n+b\n",
            "more than one file (x and y)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void refusesGarbageWithAReason(Garbage garbage) {
    assertThatExceptionOfType(PatchParseException.class)
        .isThrownBy(() -> UnifiedDiffParser.parse(garbage.diff()))
        .withMessageContaining(garbage.reason());
  }
}
