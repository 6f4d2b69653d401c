package com.bharatbuild.chat;

import com.bharatbuild.ai.ChatTurn;
import com.bharatbuild.ai.CompletionRequest;
import com.bharatbuild.ai.ModelInfo;
import com.bharatbuild.chat.ChatProblems.ContextTooLarge;
import com.bharatbuild.projects.FileSummary;
import com.bharatbuild.projects.ProjectView;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds what the model sees (seed section 5.1): a system prompt with the mode's instructions, the
 * project, its file tree and the operation format; the recent conversation with older operations
 * summarised; and the message with its attached files and the open file. It fits the model's
 * context window minus the output budget by dropping the oldest history first, then shortening the
 * file tree; attached files are never cut silently.
 */
@Component
class PromptBuilder {

  /** A file whose content goes with the message. */
  record Attachment(String path, String content) {}

  /** The request and the estimate of its input tokens, for the wallet's reservation. */
  record Prompt(CompletionRequest request, long inputEstimate) {}

  static final String OPERATION_FORMAT =
      """
      ## How to change files
      Write every change to the project as an operation, outside code fences:

      <operation type="create" path="src/components/Button.tsx">
      <description>What the file is for</description>
      <content>
      the whole file
      </content>
      </operation>

      <operation type="modify" path="src/App.tsx">
      <description>What changes and why</description>
      <diff>
      --- a/src/App.tsx
      +++ b/src/App.tsx
      @@ -1,3 +1,4 @@
       unchanged line
      -removed line
      +added line
      </diff>
      </operation>

      <operation type="delete" path="src/old.ts">
      <description>Why it goes</description>
      </operation>

      <operation type="rename" path="src/a.ts" to="src/b.ts">
      <description>Why it moves</description>
      </operation>

      Rules: paths are relative to the project root. For a modify, prefer a unified diff with three
      lines of context copied exactly from the current file; for a large rewrite send the whole file
      in <content>. Explain briefly what you do, then the operations, then a short summary and next
      steps.
      """;

  private static final int SHORT_TREE = 200;

  /** Room for the system prompts and older messages of a few hundred conversations. */
  private static final TokenCounts COUNTS = new TokenCounts(8_000_000);

  static final String RULES_FILE = ".bharatbuild/rules.md";
  // rules are conventions, not documentation: past this they are cut, so they never crowd out code
  private static final int MAX_RULES_CHARS = 16_000;

  String system(
      ProjectView project,
      ChatMode mode,
      List<FileSummary> files,
      int treeLimit,
      @Nullable String rules) {
    StringBuilder prompt = new StringBuilder();
    prompt.append(mode.instructions()).append("\n\n");
    prompt.append("You work inside BharatBuild, an AI code editor, on this project:\n");
    prompt.append("- Name: ").append(project.name()).append('\n');
    prompt
        .append("- Type: ")
        .append(project.type() == null ? "unspecified" : project.type())
        .append('\n');
    prompt
        .append("- Tech stack: ")
        .append(
            project.techStack().isEmpty() ? "unspecified" : String.join(", ", project.techStack()))
        .append("\n\n");
    if (rules != null && !rules.isBlank()) {
      prompt.append("## Project rules (from ").append(RULES_FILE).append(")\n");
      prompt.append(
          rules.length() > MAX_RULES_CHARS
              ? rules.substring(0, MAX_RULES_CHARS) + "\n… (the rest of the rules file was cut)"
              : rules.strip());
      prompt.append("\n\n");
    }
    prompt.append("## Files\n");
    if (files.isEmpty()) {
      prompt.append("(the project is empty)\n");
    }
    files.stream()
        .limit(treeLimit)
        .forEach(f -> prompt.append(f.path()).append(" (").append(f.size()).append(" bytes)\n"));
    if (files.size() > treeLimit) {
      prompt.append("… and ").append(files.size() - treeLimit).append(" more files\n");
    }
    prompt.append('\n').append(OPERATION_FORMAT);
    return prompt.toString();
  }

  Prompt build(
      ProjectView project,
      ChatMode mode,
      List<FileSummary> files,
      List<MessageView> history,
      String message,
      List<Attachment> attachments,
      @Nullable Attachment openFile,
      @Nullable String rules,
      ModelInfo model,
      int maxOutputTokens,
      boolean thinking) {
    String userTurn = userTurn(message, attachments, openFile);
    long budget = (long) model.contextWindow() - maxOutputTokens;
    String system = system(project, mode, files, Integer.MAX_VALUE, rules);
    long fixed = estimate(system) + estimate(userTurn);
    if (fixed > budget) {
      system = system(project, mode, files, SHORT_TREE, rules);
      fixed = estimate(system) + estimate(userTurn);
    }
    if (fixed > budget) {
      system = system(project, mode, files, SHORT_TREE, null);
      fixed = estimate(system) + estimate(userTurn);
    }
    if (fixed > budget) {
      throw new ContextTooLarge(fixed, model.contextWindow());
    }
    List<ChatTurn> turns = new ArrayList<>();
    long used = fixed;
    // newest first, so the oldest are the ones left out
    for (int i = history.size() - 1; i >= 0; i--) {
      ChatTurn turn = turnOf(history.get(i));
      long cost = estimate(turn.content());
      if (used + cost > budget) {
        break;
      }
      turns.addFirst(turn);
      used += cost;
    }
    // the providers want alternating turns that start with the user
    while (!turns.isEmpty() && turns.getFirst().role() != ChatTurn.Role.USER) {
      used -= estimate(turns.removeFirst().content());
    }
    turns.add(ChatTurn.user(userTurn));
    return new Prompt(
        new CompletionRequest(model.id(), system, turns, maxOutputTokens, thinking), used);
  }

  /**
   * One corrected attempt: the model sees its own answer, why each refused operation failed, and
   * the real content of those files, and is asked to send only the corrected operations.
   */
  CompletionRequest repair(
      CompletionRequest first, String answer, List<OperationView> refused, List<Attachment> files) {
    StringBuilder turn =
        new StringBuilder(
            "Some of your file operations could not be applied; nothing of them was changed.\n");
    for (OperationView operation : refused) {
      turn.append("\n- ")
          .append(operation.type())
          .append(' ')
          .append(operation.path())
          .append(": ")
          .append(operation.error());
    }
    for (Attachment file : files) {
      turn.append("\n\nThe current content of ").append(file.path()).append(" is:\n```\n");
      turn.append(file.content()).append(file.content().endsWith("\n") ? "" : "\n").append("```");
    }
    turn.append(
        "\n\nSend corrected operations for these files only, with diffs whose context lines are"
            + " copied exactly from the content above (or the whole file in <content>). Keep the"
            + " explanation to one sentence.");
    List<ChatTurn> turns = new ArrayList<>(first.turns());
    turns.add(ChatTurn.assistant(answer));
    turns.add(ChatTurn.user(turn.toString()));
    return new CompletionRequest(
        first.model(), first.system(), turns, first.maxOutputTokens(), false);
  }

  private static ChatTurn turnOf(MessageView message) {
    if (message.role().equals("user")) {
      String attached =
          message.attachedFiles().isEmpty()
              ? ""
              : "\n\n(attached then: " + String.join(", ", message.attachedFiles()) + ")";
      return ChatTurn.user(message.content() + attached);
    }
    String operations =
        message.operations().isEmpty()
            ? ""
            : "\n\n[File operations of this reply: "
                + message.operations().stream()
                    .map(op -> op.type() + " " + op.path() + " (" + op.status() + ")")
                    .collect(Collectors.joining(", "))
                + "]";
    return ChatTurn.assistant(message.content() + operations);
  }

  private static String userTurn(
      String message, List<Attachment> attachments, @Nullable Attachment openFile) {
    StringBuilder turn = new StringBuilder(message);
    for (Attachment file : attachments) {
      turn.append("\n\n--- ").append(file.path()).append(" ---\n```\n").append(file.content());
      turn.append(file.content().endsWith("\n") ? "" : "\n").append("```");
    }
    if (openFile != null) {
      turn.append("\n\nThe file open in the editor is ").append(openFile.path()).append(":\n```\n");
      turn.append(openFile.content()).append(openFile.content().endsWith("\n") ? "" : "\n");
      turn.append("```");
    }
    return turn.toString();
  }

  /** Tokens of a text; see {@link TokenCounts}. */
  static long estimate(String text) {
    return COUNTS.count(text);
  }

  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    Thread.ofVirtual().name("tokenizer-warm-up").start(TokenCounts::warmUp);
  }
}
