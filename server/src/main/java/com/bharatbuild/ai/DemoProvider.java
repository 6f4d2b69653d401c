package com.bharatbuild.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The offline demo model: answers a few starter prompts with scripted replies that carry real file
 * operations, streamed in small pieces like a model would, so a newcomer can try the whole flow
 * without a key. Token figures are estimates (four characters a token) and the model says it is a
 * demo wherever it is listed.
 */
final class DemoProvider implements ModelProvider {

  static final String MODEL_ID = "demo";
  private static final int PIECE = 16;
  private static final String REACT_TEMPLATE_MARK = "\nvite.config.ts (";

  @Override
  public List<ModelInfo> models() {
    return List.of(
        new ModelInfo(
            MODEL_ID,
            "demo",
            "Offline demo (no AI provider configured)",
            true,
            false,
            32_000,
            4_000));
  }

  @Override
  public CompletionResult stream(
      CompletionRequest request, CompletionListener listener, Cancellation cancellation) {
    String answer = script(request.turns().getLast().content(), request.system());
    long input =
        estimate(request.system())
            + request.turns().stream().mapToLong(t -> estimate(t.content())).sum();
    int sent = 0;
    while (sent < answer.length()) {
      if (cancellation.isCancelled()) {
        return new CompletionResult(
            new TokenUsage(input, estimate(answer.substring(0, sent)), 0, 0),
            CompletionResult.StopReason.CANCELLED);
      }
      int end = Math.min(answer.length(), sent + PIECE);
      listener.onText(answer.substring(sent, end));
      sent = end;
      pause();
    }
    return new CompletionResult(
        new TokenUsage(input, estimate(answer), 0, 0), CompletionResult.StopReason.END);
  }

  /**
   * Picks the scripted reply. A project started from the React template (its file list shows the
   * template's {@code vite.config.ts}) gets diffs to the template's files instead of new files.
   */
  static String script(String prompt, String system) {
    String asked = prompt.toLowerCase(Locale.ROOT);
    boolean fromTemplate = system.contains(REACT_TEMPLATE_MARK);
    if (asked.contains("reset")) {
      return load(fromTemplate ? "template-reset-button.txt" : "reset-button.txt");
    }
    if (asked.contains("counter") || asked.contains("react")) {
      return load(fromTemplate ? "template-counter.txt" : "counter-app.txt");
    }
    return load("help.txt");
  }

  private static long estimate(String text) {
    return (text.length() + 3) / 4;
  }

  private static void pause() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String load(String name) {
    try (InputStream in = DemoProvider.class.getResourceAsStream("/ai/demo/" + name)) {
      if (in == null) {
        throw new IllegalStateException("demo script missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
