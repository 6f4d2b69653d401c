package com.bharatbuild.edits.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One small fixture per kind of diff a model writes, and what the file must become. */
class PatchApplierTest {

  /**
   * @param matches the expected match kind of each hunk, in order
   */
  record Applies(String name, String file, String diff, String expected, MatchKind... matches) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final String CODE =
      """
      import os

      def greet(name):
          print("hello", name)
          return name

      def leave(name):
          print("bye", name)
      """;

  static Stream<Applies> applying() {
    return Stream.of(
        new Applies(
            "exact at the stated line",
            CODE,
            """
            --- a/app.py
            +++ b/app.py
            @@ -3,3 +3,3 @@
             def greet(name):
            -    print("hello", name)
            +    print("hi", name)
                 return name
            """,
            CODE.replace("\"hello\"", "\"hi\""),
            MatchKind.EXACT),
        new Applies(
            "wrong line number",
            CODE,
            """
            @@ -40,3 +40,3 @@
             def greet(name):
            -    print("hello", name)
            +    print("hi", name)
                 return name
            """,
            CODE.replace("\"hello\"", "\"hi\""),
            MatchKind.MOVED),
        new Applies(
            "wrong counts",
            CODE,
            """
            @@ -3,9 +3,1 @@
             def greet(name):
            -    print("hello", name)
            +    print("hi", name)
                 return name
            """,
            CODE.replace("\"hello\"", "\"hi\""),
            MatchKind.EXACT),
        new Applies(
            "no numbers, no file headers",
            CODE,
            """
            @@ ... @@
             def leave(name):
            -    print("bye", name)
            +    print("goodbye", name)
            """,
            CODE.replace("\"bye\"", "\"goodbye\""),
            MatchKind.MOVED),
        new Applies(
            "bare @@ and other path prefixes",
            CODE,
            """
            --- app.py\t2024-01-01 10:00:00
            +++ app.py\t2024-01-02 10:00:00
            @@
             import os
            +import sys
            """,
            CODE.replace("import os\n", "import os\nimport sys\n"),
            MatchKind.MOVED),
        new Applies(
            "no @@ line at all",
            CODE,
            """
            --- a/app.py
            +++ b/app.py
             import os
            +import re
            """,
            CODE.replace("import os\n", "import os\nimport re\n"),
            MatchKind.MOVED),
        new Applies(
            "trailing whitespace differs; the file keeps its own",
            "a = 1   \nb = 2\t\nc = 3\n",
            """
            @@ -1,3 +1,3 @@
             a = 1
            -b = 2
            +b = 20
             c = 3
            """,
            "a = 1   \nb = 20\nc = 3\n",
            MatchKind.WHITESPACE),
        new Applies(
            "file indented deeper: added lines re-indented",
            """
            class A {
                void f() {
                    one();
                    two();
                }
            }
            """,
            """
            @@ -2,4 +2,5 @@
             void f() {
                 one();
            -    two();
            +    if (ready) {
            +      two();
            +    }
             }
            """,
            """
            class A {
                void f() {
                    one();
                    if (ready) {
                      two();
                    }
                }
            }
            """,
            MatchKind.REINDENTED),
        new Applies(
            "file indented less: added lines dedented",
            "def f():\n  x = 1\n  y = 2\n",
            """
            @@ -1,3 +1,3 @@
                 def f():
                   x = 1
            -      y = 2
            +      y = 3
            """,
            "def f():\n  x = 1\n  y = 3\n",
            MatchKind.REINDENTED),
        new Applies(
            "blank context line left out",
            CODE,
            """
            @@ -4,4 +4,4 @@
                 return name
             def leave(name):
            -    print("bye", name)
            +    print("ciao", name)
            """,
            CODE.replace("\"bye\"", "\"ciao\""),
            MatchKind.BLANK_LINES),
        new Applies(
            "extra blank context line the file lacks",
            "one\ntwo\nthree\n",
            """
            @@ -1,3 +1,3 @@
             one

            -two
            +TWO
             three
            """,
            "one\nTWO\nthree\n",
            MatchKind.BLANK_LINES),
        new Applies(
            "blank context line with its leading space dropped",
            CODE,
            """
            @@ -5,4 +5,4 @@
                 return name

             def leave(name):
            -    print("bye", name)
            +    print("later", name)
            """,
            CODE.replace("\"bye\"", "\"later\""),
            MatchKind.EXACT),
        new Applies(
            "non-blank context line with its leading space dropped",
            "alpha\nbeta\ngamma\n",
            """
            @@ -1,3 +1,3 @@
            alpha
            -beta
            +BETA
             gamma
            """,
            "alpha\nBETA\ngamma\n",
            MatchKind.EXACT),
        new Applies(
            "CRLF file stays CRLF",
            "one\r\ntwo\r\nthree\r\n",
            "@@ -1,3 +1,4 @@\n one\n-two\n+2\n+2b\n three\n",
            "one\r\n2\r\n2b\r\nthree\r\n",
            MatchKind.EXACT),
        new Applies(
            "CRLF diff on an LF file",
            "one\ntwo\n",
            "@@ -1,2 +1,2 @@\r\n one\r\n-two\r\n+2\r\n",
            "one\n2\n",
            MatchKind.EXACT),
        new Applies(
            "mixed endings kept per line",
            "a\nb\r\nc\r\nd\ne\n",
            "@@ -2,2 +2,3 @@\n b\n+b2\n c\n",
            "a\nb\r\nb2\r\nc\r\nd\ne\n",
            MatchKind.EXACT),
        new Applies(
            "no final newline is kept when the last line changes",
            "x\ny",
            "@@ -1,2 +1,2 @@\n x\n-y\n+z\n",
            "x\nz",
            MatchKind.EXACT),
        new Applies(
            "a final newline is kept when lines are appended",
            "x\ny\n",
            "@@ -2,1 +2,2 @@\n y\n+z\n",
            "x\ny\nz\n",
            MatchKind.EXACT),
        new Applies(
            "\\ No newline on the new side removes the final newline",
            "x\ny\n",
            "@@ -1,2 +1,2 @@\n x\n-y\n+z\n\\ No newline at end of file\n",
            "x\nz",
            MatchKind.EXACT),
        new Applies(
            "\\ No newline on the old side only adds a final newline",
            "x\ny",
            "@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+z\n",
            "x\nz\n",
            MatchKind.EXACT),
        new Applies(
            "\\ No newline on a context line changes nothing",
            "x\ny\n",
            "@@ -1,2 +1,3 @@\n+w\n x\n y\n\\ No newline at end of file\n",
            "w\nx\ny\n",
            MatchKind.EXACT),
        new Applies(
            "creation from /dev/null",
            "",
            "--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1,2 @@\n+first\n+second\n",
            "first\nsecond\n",
            MatchKind.INSERTION),
        new Applies(
            "deletion to /dev/null empties the text",
            "first\nsecond\n",
            "--- a/old.txt\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-first\n-second\n",
            "",
            MatchKind.EXACT),
        new Applies(
            "two hunks, the second with a stale number",
            CODE,
            """
            @@ -1,2 +1,3 @@
             import os
            +import sys

            @@ -70,2 +71,2 @@
             def leave(name):
            -    print("bye", name)
            +    print("ciao", name)
            """,
            CODE.replace("import os\n", "import os\nimport sys\n").replace("\"bye\"", "\"ciao\""),
            MatchKind.EXACT,
            MatchKind.MOVED),
        new Applies(
            "hunks sharing context lines are merged",
            "1\n2\n3\n4\n5\n6\n",
            """
            @@ -1,4 +1,4 @@
             1
            -2
            +two
             3
             4
            @@ -3,4 +3,4 @@
             3
             4
            -5
            +five
             6
            """,
            "1\ntwo\n3\n4\nfive\n6\n",
            MatchKind.EXACT,
            MatchKind.EXACT),
        new Applies(
            "hunks written out of file order",
            CODE,
            """
            @@ -7,2 +7,2 @@
             def leave(name):
            -    print("bye", name)
            +    print("ciao", name)
            @@ -1,2 +1,3 @@
             import os
            +import sys

            """,
            CODE.replace("import os\n", "import os\nimport sys\n").replace("\"bye\"", "\"ciao\""),
            MatchKind.EXACT,
            MatchKind.EXACT),
        new Applies(
            "the stated line picks one of two identical blocks",
            "start\n"
                + "x = 1\n"
                + "y = 2\n"
                + "middle\n"
                + "middle2\n"
                + "middle3\n"
                + "middle4\n"
                + "middle5\n"
                + "middle6\n"
                + "x = 1\n"
                + "y = 2\n"
                + "end\n",
            "@@ -11,2 +11,2 @@\n x = 1\n-y = 2\n+y = 3\n",
            "start\n"
                + "x = 1\n"
                + "y = 2\n"
                + "middle\n"
                + "middle2\n"
                + "middle3\n"
                + "middle4\n"
                + "middle5\n"
                + "middle6\n"
                + "x = 1\n"
                + "y = 3\n"
                + "end\n",
            MatchKind.MOVED),
        new Applies(
            "a later identical hunk is searched after the earlier one",
            "x = 1\ny = 2\nmid\nx = 1\ny = 2\n",
            "@@ @@\n-x = 1\n+x = 10\n y = 2\n mid\n@@ @@\n-x = 1\n+x = 11\n y = 2\n",
            "x = 10\ny = 2\nmid\nx = 11\ny = 2\n",
            MatchKind.MOVED,
            MatchKind.MOVED),
        new Applies(
            "added lines at the very start without context",
            "body\n",
            "@@ -0,0 +1 @@\n+header\n",
            "header\nbody\n",
            MatchKind.INSERTION));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("applying")
  void applies(Applies c) {
    ApplyResult result = PatchApplier.apply(c.file(), c.diff());

    assertThat(result).isInstanceOf(ApplyResult.Applied.class);
    ApplyResult.Applied applied = (ApplyResult.Applied) result;
    assertThat(applied.newText()).isEqualTo(c.expected());
    assertThat(applied.hunks()).extracting(HunkReport::match).containsExactly(c.matches());
    // the normalised diff is the same change, placed exactly
    ApplyResult.Applied replay =
        (ApplyResult.Applied) PatchApplier.apply(c.file(), applied.normalizedDiff());
    assertThat(replay.newText()).isEqualTo(c.expected());
  }

  record Refuses(String name, String file, String diff, FailureKind kind, int hunk, String says) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final String TWINS = "a\nx = 1\ny = 2\nb\nc\nx = 1\ny = 2\nd\n";

  static Stream<Refuses> refusing() {
    return Stream.of(
        new Refuses(
            "ambiguous without a line number",
            TWINS,
            "@@ @@\n x = 1\n-y = 2\n+y = 3\n",
            FailureKind.AMBIGUOUS,
            0,
            "matches equally well at lines 2, 6"),
        new Refuses(
            "ambiguous when the stated line is between the places",
            TWINS,
            "@@ -4,2 +4,2 @@\n x = 1\n-y = 2\n+y = 3\n",
            FailureKind.AMBIGUOUS,
            0,
            "is not within 5 lines of exactly one of them"),
        new Refuses(
            "context that is not in the file",
            CODE,
            """
            @@ -3,3 +3,3 @@
             def greet(person):
            -    print("hello", person)
            +    print("hi", person)
            """,
            FailureKind.NO_MATCH,
            0,
            "The most similar lines in the file are at line"),
        new Refuses(
            "all or nothing: the second hunk fails",
            CODE,
            """
            @@ -1,1 +1,2 @@
             import os
            +import sys
            @@ -7,2 +8,2 @@
             def leave(person):
            -    print("bye", person)
            +    print("ciao", person)
            """,
            FailureKind.NO_MATCH,
            1,
            "Hunk 2 of 2 (@@ -7,2 +8,2 @@)"),
        new Refuses(
            "two hunks change the same line",
            "a\nb\nc\n",
            "@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -1,3 +1,3 @@\n a\n-b\n+BB\n c\n",
            FailureKind.OVERLAP,
            1,
            "Merge hunks"),
        new Refuses(
            "added lines in the middle with no context",
            "a\nb\nc\nd\n",
            "@@ -2,0 +3,1 @@\n+new\n",
            FailureKind.NO_CONTEXT,
            0,
            "Include two or three unchanged lines"),
        new Refuses(
            "not a diff",
            "a\n",
            "Sure! Here is the updated file.\n",
            FailureKind.MALFORMED_DIFF,
            -1,
            "No hunk found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusing")
  void refuses(Refuses c) {
    ApplyResult result = PatchApplier.apply(c.file(), c.diff());

    assertThat(result).isInstanceOf(ApplyResult.Failed.class);
    ApplyResult.Failed failed = (ApplyResult.Failed) result;
    assertThat(failed.kind()).isEqualTo(c.kind());
    assertThat(failed.hunkIndex().orElse(-1)).isEqualTo(c.hunk());
    assertThat(failed.reason()).contains(c.says());
  }

  @Test
  void aFailureNamesTheExpectedLinesAndTheClosestLinesWithTheirNumber() {
    ApplyResult.Failed failed =
        (ApplyResult.Failed)
            PatchApplier.apply(
                CODE,
                """
                @@ -7,2 +7,2 @@
                 def leave(name):
                -    print("farewell", name)
                +    print("ciao", name)
                """);

    assertThat(failed.expected())
        .containsExactly("def leave(name):", "    print(\"farewell\", name)");
    assertThat(failed.closest()).isPresent();
    assertThat(failed.closest().get().firstLine()).isEqualTo(7);
    assertThat(failed.closest().get().lines())
        .containsExactly("def leave(name):", "    print(\"bye\", name)");
    assertThat(failed.reason())
        .contains("Hunk 1 of 1 (@@ -7,2 +7,2 @@)")
        .contains("    print(\"farewell\", name)")
        .contains("7 | def leave(name):")
        .contains("8 |     print(\"bye\", name)");
  }

  @Test
  void theClosestCandidateWinsOnlyWhenClearlyCloser() {
    // places at lines 2 and 14; stated 4 is 2 from the first and 10 from the second
    String file = "a\nx = 1\ny = 2\n" + "pad\n".repeat(10) + "x = 1\ny = 2\nz\n";
    ApplyResult near = PatchApplier.apply(file, "@@ -4,2 +4,2 @@\n x = 1\n-y = 2\n+y = 3\n");
    ApplyResult between = PatchApplier.apply(file, "@@ -8,2 +8,2 @@\n x = 1\n-y = 2\n+y = 3\n");

    assertThat(((ApplyResult.Applied) near).newText()).startsWith("a\nx = 1\ny = 3\n");
    assertThat(((ApplyResult.Failed) between).kind()).isEqualTo(FailureKind.AMBIGUOUS);
  }

  @Test
  void exactTextBeatsATolerantMatchAtTheStatedLine() {
    String file = "x = 1  \ny = 2\nmid\nx = 1\ny = 2\n";

    ApplyResult.Applied applied =
        (ApplyResult.Applied) PatchApplier.apply(file, "@@ -1,2 +1,2 @@\n x = 1\n-y = 2\n+y = 3\n");

    assertThat(applied.newText()).isEqualTo("x = 1  \ny = 2\nmid\nx = 1\ny = 3\n");
    assertThat(applied.hunks().getFirst().match()).isEqualTo(MatchKind.MOVED);
    assertThat(applied.hunks().getFirst().appliedLine()).isEqualTo(4);
  }

  @Test
  void theNormalizedDiffCarriesTrueNumbersAndTheFilesText() {
    ApplyResult.Applied applied =
        (ApplyResult.Applied) PatchApplier.apply("a  \nb\nc\n", "@@ -9,2 +9,2 @@\n a\n-b\n+B\n");

    assertThat(applied.normalizedDiff()).isEqualTo("@@ -1,3 +1,3 @@\n a  \n-b\n+B\n c\n");
  }
}
