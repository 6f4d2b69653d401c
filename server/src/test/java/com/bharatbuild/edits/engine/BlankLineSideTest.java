package com.bharatbuild.edits.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A hunk that leaves out a blank context line right where it adds lines cannot say on which side of
 * the blank line the new lines go; the engine refuses rather than guess.
 */
class BlankLineSideTest {

  private static final String FILE = "int a;\n\nint b;\n";

  @Test
  void addedLinesNextToAnOmittedBlankLineAreRefused() {
    ApplyResult result = PatchApplier.apply(FILE, "@@ ... @@\n int a;\n+int x;\n int b;\n");

    assertThat(result).isInstanceOf(ApplyResult.Failed.class);
  }

  @Test
  void theSameChangeWithTheBlankLineShownApplies() {
    ApplyResult result =
        PatchApplier.apply(FILE, "@@ -1,3 +1,4 @@\n int a;\n \n+int x;\n int b;\n");

    assertThat(result)
        .isInstanceOfSatisfying(
            ApplyResult.Applied.class,
            applied -> assertThat(applied.newText()).isEqualTo("int a;\n\nint x;\nint b;\n"));
  }

  @Test
  void anOmittedBlankLineBetweenUnchangedLinesIsStillTolerated() {
    String file = "int a;\n\nint b;\nint c;\n";

    ApplyResult result =
        PatchApplier.apply(file, "@@ -1,3 +1,3 @@\n int a;\n int b;\n-int c;\n+int d;\n");

    assertThat(result)
        .isInstanceOfSatisfying(
            ApplyResult.Applied.class,
            applied -> assertThat(applied.newText()).isEqualTo("int a;\n\nint b;\nint d;\n"));
  }
}
