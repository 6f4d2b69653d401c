package com.bharatbuild.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.ai.AnthropicStreamingTest.Recorder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoProviderTest {

  @Test
  void theDemoIsTheOnlyModelWhenNothingIsConfiguredAndSaysSo() {
    ModelGateway gateway = new ModelGateway(List.of(new DemoProvider()), 1, Duration.ZERO);

    assertThat(gateway.models())
        .singleElement()
        .satisfies(
            model -> {
              assertThat(model.demo()).isTrue();
              assertThat(model.isDefault()).isTrue();
              assertThat(model.label()).contains("demo");
            });
  }

  @Test
  void aStarterPromptStreamsRealOperations() {
    Recorder recorder = new Recorder();
    CompletionResult result =
        new DemoProvider()
            .stream(
                new CompletionRequest(
                    "demo", "system", List.of(ChatTurn.user("Create a counter app")), 1000, false),
                recorder,
                new Cancellation());

    assertThat(recorder.text())
        .contains("<operation type=\"create\" path=\"src/App.tsx\">")
        .contains("useState");
    assertThat(result.usage().outputTokens()).isEqualTo((recorder.text().length() + 3) / 4);
  }

  @Test
  void unknownPromptsGetTheExplanation() {
    assertThat(DemoProvider.script("write me a compiler", "")).contains("offline demo model");
    assertThat(DemoProvider.script("Add a reset button", "")).contains("<diff>");
    String templateFiles = "## Files\nindex.html (300 bytes)\nvite.config.ts (250 bytes)\n";
    assertThat(DemoProvider.script("Create a counter app", templateFiles))
        .contains("<operation type=\"modify\" path=\"src/App.tsx\">")
        .doesNotContain("type=\"create\"");
    assertThat(DemoProvider.script("Create a counter app", "")).contains("type=\"create\"");
  }
}
