package com.bharatbuild.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bharatbuild.ai.ChatTurn;
import com.bharatbuild.ai.ModelInfo;
import com.bharatbuild.chat.PromptBuilder.Attachment;
import com.bharatbuild.chat.PromptBuilder.Prompt;
import com.bharatbuild.projects.FileSummary;
import com.bharatbuild.projects.ProjectView;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-01-01T00:00:00Z");
  private final PromptBuilder prompts = new PromptBuilder();
  private final ProjectView project =
      new ProjectView(
          UUID.randomUUID(), "Shop", null, "react", List.of("react", "vite"), "active", NOW, NOW);

  @Test
  void theSystemPromptNamesTheProjectItsFilesTheModeAndTheOperationFormat() {
    Prompt prompt = build(List.of(file("src/App.tsx")), List.of(), "hi", List.of(), 200_000);

    assertThat(prompt.request().system())
        .contains("Shop", "react, vite", "src/App.tsx", "<operation type=\"modify\"")
        .startsWith(ChatMode.DEBUGGING.instructions());
    assertThat(prompt.request().turns()).containsExactly(ChatTurn.user("hi"));
    assertThat(prompt.inputEstimate()).isPositive();
  }

  @Test
  void attachedFilesGoWithTheMessage() {
    Prompt prompt =
        build(
            List.of(),
            List.of(),
            "fix it",
            List.of(new Attachment("a.ts", "const a = 1;")),
            200_000);

    assertThat(prompt.request().turns().getLast().content())
        .startsWith("fix it")
        .contains("--- a.ts ---", "const a = 1;");
  }

  @Test
  void theOldestHistoryIsDroppedFirstAndTheTurnsStartWithTheUser() {
    List<MessageView> history = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      history.add(
          message(i % 2 == 0 ? "user" : "assistant", "message " + i + " " + "word ".repeat(200)));
    }

    Prompt prompt = build(List.of(), history, "latest", List.of(), 12_000);

    List<ChatTurn> turns = prompt.request().turns();
    assertThat(turns.size()).isBetween(3, 40);
    assertThat(turns.getFirst().role()).isEqualTo(ChatTurn.Role.USER);
    assertThat(turns.get(turns.size() - 2).content()).startsWith("message 39");
    assertThat(turns.getLast().content()).isEqualTo("latest");
    assertThat(prompt.inputEstimate()).isLessThanOrEqualTo(12_000 - 4_000);
  }

  @Test
  void aHugeFileTreeIsShortened() {
    List<FileSummary> files =
        IntStream.range(0, 5_000)
            .mapToObj(i -> file("src/module" + i + "/File" + i + ".tsx"))
            .toList();

    Prompt prompt = build(files, List.of(), "hi", List.of(), 20_000);

    assertThat(prompt.request().system()).contains("and 4800 more files");
  }

  @Test
  void attachmentsThatCannotFitAreRefusedNotCut() {
    Attachment huge = new Attachment("big.ts", "token ".repeat(20_000));

    assertThatThrownBy(() -> build(List.of(), List.of(), "hi", List.of(huge), 16_000))
        .isInstanceOf(ChatProblems.ContextTooLarge.class)
        .hasMessageContaining("attach fewer or smaller files");
  }

  @Test
  void olderOperationsAreSummarised() {
    MessageView reply =
        new MessageView(
            UUID.randomUUID(),
            "assistant",
            "Done.",
            List.of(),
            List.of(
                new OperationView(
                    "op-1", "modify", "src/App.tsx", null, "", "complete", "diff", null)),
            10,
            "complete",
            null,
            NOW);

    Prompt prompt =
        build(List.of(), List.of(message("user", "make it"), reply), "next", List.of(), 200_000);

    assertThat(prompt.request().turns().get(1).content())
        .isEqualTo("Done.\n\n[File operations of this reply: modify src/App.tsx (complete)]");
  }

  private Prompt build(
      List<FileSummary> files,
      List<MessageView> history,
      String message,
      List<Attachment> attachments,
      int window) {
    ModelInfo model = new ModelInfo("m", "test", "Test", false, true, window, 4_000);
    return prompts.build(
        project,
        ChatMode.DEBUGGING,
        files,
        history,
        message,
        attachments,
        null,
        null,
        model,
        4_000,
        false);
  }

  private static FileSummary file(String path) {
    return new FileSummary(path, "typescript", 100, 1, NOW);
  }

  private static MessageView message(String role, String content) {
    return new MessageView(
        UUID.randomUUID(), role, content, List.of(), List.of(), 0, "complete", null, NOW);
  }
}
