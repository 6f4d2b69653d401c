package com.bharatbuild.edits.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.edits.engine.EditOutcome.Change;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FileEditTest {

  static final Map<String, String> FILES =
      Map.of("app.txt", "one\ntwo\nthree\n", "other.txt", "other\n");

  static final String PATCH = "@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n";
  static final String MOVED_PATCH = "@@ -30,3 +30,3 @@\n one\n-two\n+TWO\n three\n";
  static final String BAD_PATCH = "@@ -1,3 +1,3 @@\n one\n-zwei\n+TWO\n three\n";
  static final String CREATE_PATCH = "--- /dev/null\n+++ b/app.txt\n@@ -0,0 +1,2 @@\n+new\n+file\n";

  record Case(String name, Operation operation, EditOutcome expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Operation op(String type, String path, String diff, String content) {
    return Operation.of(type, path, Optional.ofNullable(diff), Optional.ofNullable(content));
  }

  static EditOutcome written(String path, String text, Change change, String note) {
    return new EditOutcome.Written(path, text, change, List.of(), Optional.ofNullable(note));
  }

  static EditOutcome rejected(String path, String reason) {
    return new EditOutcome.Rejected(path, reason, Optional.empty());
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "create a new file",
            op("create", "new.txt", null, "hi\n"),
            written("new.txt", "hi\n", Change.CREATED, null)),
        new Case(
            "create over an existing file replaces it, noted",
            op("create", "app.txt", null, "hi\n"),
            written("app.txt", "hi\n", Change.REPLACED, "The file already existed")),
        new Case(
            "create without content",
            op("create", "new.txt", null, null),
            rejected("new.txt", "A create needs the whole file in <content>")),
        new Case(
            "modify with whole content",
            op("modify", "app.txt", null, "all new\n"),
            written("app.txt", "all new\n", Change.REPLACED, "The whole file was replaced")),
        new Case(
            "modify with neither diff nor content",
            op("modify", "app.txt", null, null),
            rejected("app.txt", "A modify needs a <diff>, or the whole new file in <content>")),
        new Case(
            "modify a missing file with a diff",
            op("modify", "missing.txt", PATCH, null),
            rejected(
                "missing.txt",
                "There is no file at missing.txt to modify; create it with its whole content")),
        new Case(
            "a failed diff falls back to the operation's content",
            op("modify", "app.txt", BAD_PATCH, "fallback\n"),
            null),
        new Case(
            "delete an existing file",
            op("delete", "app.txt", null, null),
            new EditOutcome.Deleted("app.txt")),
        new Case(
            "delete a missing file",
            op("delete", "missing.txt", null, null),
            rejected("missing.txt", "There is no file at missing.txt to delete")),
        new Case(
            "a diff to /dev/null that removes every line deletes",
            op(
                "modify",
                "other.txt",
                "--- a/other.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-other\n",
                null),
            new EditOutcome.Deleted("other.txt")),
        new Case(
            "a diff to /dev/null that leaves lines is refused",
            op("modify", "app.txt", "--- a/app.txt\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-one\n", null),
            rejected(
                "app.txt",
                "The diff deletes app.txt (+++ /dev/null) but leaves lines in it; send a delete"
                    + " operation instead")),
        new Case(
            "rename",
            Operation.rename("app.txt", "moved.txt"),
            new EditOutcome.Renamed("app.txt", "moved.txt", "one\ntwo\nthree\n")),
        new Case(
            "rename onto an existing file",
            Operation.rename("app.txt", "other.txt"),
            rejected("app.txt", "Cannot rename app.txt to other.txt: a file already exists there")),
        new Case(
            "rename a missing file",
            Operation.rename("missing.txt", "moved.txt"),
            rejected("missing.txt", "There is no file at missing.txt to rename")),
        new Case(
            "rename without a target",
            op("rename", "app.txt", null, null),
            rejected("app.txt", "A rename needs the new path in its to attribute")),
        new Case(
            "unknown type",
            op("patch", "app.txt", PATCH, null),
            rejected(
                "app.txt", "Unknown operation type 'patch'; use create, modify, delete or rename")),
        new Case(
            "no path",
            op("create", " ", null, "x"),
            rejected("", "The operation has no path attribute")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(Case c) {
    EditOutcome outcome =
        FileEdit.apply(c.operation(), path -> Optional.ofNullable(FILES.get(path)));

    if (c.expected() != null) {
      assertThat(outcome).isEqualTo(c.expected());
    } else {
      assertThat(outcome).isInstanceOf(EditOutcome.Written.class);
      EditOutcome.Written written = (EditOutcome.Written) outcome;
      assertThat(written.text()).isEqualTo("fallback\n");
      assertThat(written.change()).isEqualTo(Change.REPLACED);
      assertThat(written.note().orElseThrow()).startsWith("The diff did not apply (Hunk 1 of 1");
    }
  }

  static EditOutcome apply(Operation operation) {
    return FileEdit.apply(operation, path -> Optional.ofNullable(FILES.get(path)));
  }

  @org.junit.jupiter.api.Test
  void modifyAppliesTheDiffAndNotesTolerance() {
    EditOutcome.Written exact = (EditOutcome.Written) apply(op("modify", "app.txt", PATCH, null));
    EditOutcome.Written moved =
        (EditOutcome.Written) apply(op("modify", "app.txt", MOVED_PATCH, null));

    assertThat(exact.text()).isEqualTo("one\nTWO\nthree\n");
    assertThat(exact.change()).isEqualTo(Change.PATCHED);
    assertThat(exact.note()).isEmpty();
    assertThat(moved.text()).isEqualTo("one\nTWO\nthree\n");
    assertThat(moved.note()).contains("Placed tolerantly: hunk 1 moved at line 1");
  }

  @org.junit.jupiter.api.Test
  void aFailedDiffIsRejectedWithTheLinesTheRepairNeeds() {
    EditOutcome.Rejected rejected =
        (EditOutcome.Rejected) apply(op("modify", "app.txt", BAD_PATCH, null));

    assertThat(rejected.failure()).isPresent();
    assertThat(rejected.failure().get().expected()).containsExactly("one", "zwei", "three");
    assertThat(rejected.failure().get().closest().orElseThrow().lines())
        .containsExactly("one", "two", "three");
    assertThat(rejected.reason()).isEqualTo(rejected.failure().get().reason());
  }

  @org.junit.jupiter.api.Test
  void aDiffFromDevNullCreatesAMissingFileAndReplacesAnExistingOne() {
    EditOutcome.Written created =
        (EditOutcome.Written) apply(op("modify", "new.txt", CREATE_PATCH, null));
    EditOutcome.Written createdByCreate =
        (EditOutcome.Written) apply(op("create", "new.txt", CREATE_PATCH, null));
    EditOutcome.Written replaced =
        (EditOutcome.Written) apply(op("modify", "app.txt", CREATE_PATCH, null));

    assertThat(created.text()).isEqualTo("new\nfile\n");
    assertThat(created.change()).isEqualTo(Change.CREATED);
    assertThat(createdByCreate.text()).isEqualTo("new\nfile\n");
    assertThat(replaced.text()).isEqualTo("new\nfile\n");
    assertThat(replaced.change()).isEqualTo(Change.REPLACED);
    assertThat(replaced.note()).isPresent();
  }

  @org.junit.jupiter.api.Test
  void aRenameCarryingADiffMovesTheChangedText() {
    Operation operation =
        new Operation(
            new OperationHeader(0, "rename", "app.txt", Optional.of("moved.txt")),
            "",
            Optional.of(PATCH),
            Optional.empty());

    assertThat(apply(operation))
        .isEqualTo(new EditOutcome.Renamed("app.txt", "moved.txt", "one\nTWO\nthree\n"));
  }
}
