package com.bharatbuild.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class OperationMarkupParserTest {

  static final String ANSWER =
      """
      I'll add a button.

      <operation type="modify" path="src/App.tsx">
      <description>Add a reset button</description>
      <diff>
      --- a/src/App.tsx
      +++ b/src/App.tsx
      @@ -1,2 +1,3 @@
       <main>
      +  <button>Reset</button>
       </main>
      </diff>
      </operation>

      And a new file: <operation path='src/util.ts' type='create'>
      <description>Helpers</description>
      <content>
      export const x = "</operation> in a string";
      </content>
      </operation>
      Done, 1 < 2 and <b>bold</b>.
      """;

  /** Records every callback as one line, so runs can be compared. */
  static final class Recorder implements OperationMarkupParser.Listener {
    final StringBuilder text = new StringBuilder();
    final List<String> calls = new ArrayList<>();

    @Override
    public void onText(String chunk) {
      text.append(chunk);
    }

    @Override
    public void onOpened(OperationMarkupParser.Opened operation) {
      calls.add("open " + operation);
    }

    @Override
    public void onClosed(OperationMarkupParser.Closed operation) {
      calls.add("close " + operation);
    }

    @Override
    public void onTruncated(OperationMarkupParser.Opened operation) {
      calls.add("truncated " + operation);
    }

    String transcript() {
      return text + "\n" + String.join("\n", calls);
    }
  }

  static Recorder parse(List<String> chunks) {
    Recorder recorder = new Recorder();
    OperationMarkupParser parser = new OperationMarkupParser(recorder);
    chunks.forEach(parser::feed);
    parser.end();
    return recorder;
  }

  @Test
  void separatesTextFromOperations() {
    Recorder result = parse(List.of(ANSWER));

    assertThat(result.text.toString())
        .isEqualTo("I'll add a button.\n\n\n\nAnd a new file: \nDone, 1 < 2 and <b>bold</b>.\n");
    assertThat(result.calls).hasSize(4);
    assertThat(result.calls.get(1))
        .contains(
            "type=modify", "path=src/App.tsx", "description=Add a reset button", "bodyKind=diff")
        .contains("body=--- a/src/App.tsx");
    assertThat(result.calls.get(3))
        .contains("type=create", "path=src/util.ts", "bodyKind=content")
        .contains("body=export const x = \"</operation> in a string\";\n");
  }

  @Test
  void everySplitIntoTwoChunksGivesTheSameResult() {
    String expected = parse(List.of(ANSWER)).transcript();
    for (int i = 1; i < ANSWER.length(); i++) {
      assertThat(parse(List.of(ANSWER.substring(0, i), ANSWER.substring(i))).transcript())
          .as("split at %d", i)
          .isEqualTo(expected);
    }
  }

  @Property(tries = 300)
  void anyChunkingGivesTheSameResult(@ForAll("chunkings") List<Integer> cuts) {
    List<String> chunks = new ArrayList<>();
    int from = 0;
    for (int cut : cuts.stream().sorted().distinct().toList()) {
      chunks.add(ANSWER.substring(from, cut));
      from = cut;
    }
    chunks.add(ANSWER.substring(from));

    assertThat(parse(chunks).transcript()).isEqualTo(parse(List.of(ANSWER)).transcript());
  }

  @Provide
  Arbitrary<List<Integer>> chunkings() {
    return Arbitraries.integers().between(1, ANSWER.length() - 1).list().ofMaxSize(60);
  }

  @Test
  void markupInsideACodeFenceIsText() {
    String answer =
        """
        Example:
        ```xml
        <operation type="delete" path="x.txt">
        </operation>
        ```
        That was an example.
        """;

    Recorder result = parse(List.of(answer));

    assertThat(result.calls).isEmpty();
    assertThat(result.text.toString()).isEqualTo(answer);
  }

  @Test
  void anOperationStillOpenAtTheEndIsTruncatedNotApplied() {
    Recorder result =
        parse(List.of("Start <operation type=\"create\" path=\"a.ts\"><content>\nhalf a fi"));

    assertThat(result.text.toString()).isEqualTo("Start ");
    assertThat(result.calls).hasSize(2);
    assertThat(result.calls.get(1)).startsWith("truncated").contains("path=a.ts");
  }

  @Test
  void aTrailingPartialTagIsTextWhenTheAnswerEnds() {
    Recorder result = parse(List.of("compare a <oper"));

    assertThat(result.text.toString()).isEqualTo("compare a <oper");
    assertThat(result.calls).isEmpty();
  }

  @Test
  void otherTagsPassThroughAsText() {
    Recorder result = parse(List.of("<operations> and <operationX> stay"));

    assertThat(result.text.toString()).isEqualTo("<operations> and <operationX> stay");
  }

  @Test
  void renamesAndDeletesCarryNoBody() {
    Recorder result =
        parse(
            List.of(
                "<operation type=\"rename\" path=\"a.ts\" to=\"b.ts\">\n<description>Move</description>\n</operation>"));

    assertThat(result.calls.get(1)).contains("to=b.ts", "bodyKind=null", "body=null");
  }
}
