package com.bharatbuild.edits.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.edits.engine.StreamEvent.OperationClosed;
import com.bharatbuild.edits.engine.StreamEvent.OperationDescribed;
import com.bharatbuild.edits.engine.StreamEvent.OperationOpened;
import com.bharatbuild.edits.engine.StreamEvent.OperationTruncated;
import com.bharatbuild.edits.engine.StreamEvent.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class OperationStreamParserTest {

  /** A realistic answer: prose, an example in a fence, and operations in every form. */
  static final String ANSWER =
      """
      I'll add a reset button. The format looks like `<operation type="x" path="y">` in docs,
      and here is an example you should not apply:
      ```xml
      <operation type="delete" path="README.md"></operation>
      ```
      Now the real changes (1 < 2, <b>bold</b>, <operations> stay text):

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
      And a new file: <operation path='src/feed.ts' type='create'>
      <description>Feed helpers
      <content>
      export const tag = "</content>";
      export const end = "</operation>";
      </content>
      </operation>
      <operation type="delete" path="old.txt"/>
      <operation
        to="src/Main.tsx" type="rename" path="src/Start.tsx">
      <description>Rename &amp; tidy</description>
      </operation>
      Done.
      """;

  static List<StreamEvent> parse(List<String> chunks) {
    List<StreamEvent> events = new ArrayList<>();
    OperationStreamParser parser = new OperationStreamParser(events::add);
    chunks.forEach(parser::feed);
    parser.finish();
    return joinText(events);
  }

  /** Consecutive text events joined: how text is split is free, what it says is not. */
  static List<StreamEvent> joinText(List<StreamEvent> events) {
    List<StreamEvent> joined = new ArrayList<>();
    for (StreamEvent event : events) {
      if (event instanceof Text(String text)) {
        assertThat(text).isNotEmpty();
        if (!joined.isEmpty() && joined.getLast() instanceof Text(String before)) {
          joined.set(joined.size() - 1, new Text(before + text));
          continue;
        }
      }
      joined.add(event);
    }
    return joined;
  }

  static OperationHeader header(int index, String type, String path, String to) {
    return new OperationHeader(index, type, path, Optional.ofNullable(to));
  }

  @Test
  void readsTextAndOperations() {
    OperationHeader modify = header(0, "modify", "src/App.tsx", null);
    OperationHeader create = header(1, "create", "src/feed.ts", null);
    OperationHeader delete = header(2, "delete", "old.txt", null);
    OperationHeader rename = header(3, "rename", "src/Start.tsx", "src/Main.tsx");
    int prose = ANSWER.indexOf("<operation type=\"modify\"");

    assertThat(parse(List.of(ANSWER)))
        .containsExactly(
            new Text(ANSWER.substring(0, prose)),
            new OperationOpened(modify),
            new OperationDescribed(modify, "Add a reset button"),
            new OperationClosed(
                new Operation(
                    modify,
                    "Add a reset button",
                    Optional.of(
                        """
                        --- a/src/App.tsx
                        +++ b/src/App.tsx
                        @@ -1,2 +1,3 @@
                         <main>
                        +  <button>Reset</button>
                         </main>
                        """),
                    Optional.empty())),
            new Text("\nAnd a new file: "),
            new OperationOpened(create),
            new OperationDescribed(create, "Feed helpers"),
            new OperationClosed(
                new Operation(
                    create,
                    "Feed helpers",
                    Optional.empty(),
                    Optional.of(
                        """
                        export const tag = "</content>";
                        export const end = "</operation>";
                        """))),
            new Text("\n"),
            new OperationOpened(delete),
            new OperationClosed(new Operation(delete, "", Optional.empty(), Optional.empty())),
            new Text("\n"),
            new OperationOpened(rename),
            new OperationDescribed(rename, "Rename & tidy"),
            new OperationClosed(
                new Operation(rename, "Rename & tidy", Optional.empty(), Optional.empty())),
            new Text("\nDone.\n"));
  }

  @Test
  void everySplitIntoTwoChunksGivesTheSameEvents() {
    List<StreamEvent> whole = parse(List.of(ANSWER));
    for (int i = 0; i <= ANSWER.length(); i++) {
      assertThat(parse(List.of(ANSWER.substring(0, i), ANSWER.substring(i))))
          .as("split at %d", i)
          .isEqualTo(whole);
    }
  }

  @Test
  void oneCharacterAtATimeGivesTheSameEvents() {
    assertThat(parse(ANSWER.chars().mapToObj(c -> String.valueOf((char) c)).toList()))
        .isEqualTo(parse(List.of(ANSWER)));
  }

  @Property(tries = 500)
  void anyChunkingGivesTheSameEvents(@ForAll("cuts") List<Integer> cuts) {
    List<String> chunks = new ArrayList<>();
    int from = 0;
    for (int cut : cuts.stream().sorted().distinct().toList()) {
      chunks.add(ANSWER.substring(from, cut));
      from = cut;
    }
    chunks.add(ANSWER.substring(from));

    assertThat(parse(chunks)).isEqualTo(parse(List.of(ANSWER)));
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, ANSWER.length()).list().ofMaxSize(80);
  }

  @Test
  void textIsReportedAsItArrivesHoldingBackOnlyAPossibleTag() {
    List<StreamEvent> events = new ArrayList<>();
    OperationStreamParser parser = new OperationStreamParser(events::add);

    parser.feed("Hello <b>world</b>, see <oper");
    assertThat(events).containsExactly(new Text("Hello <b>world</b>, see "));

    parser.feed("ational details");
    assertThat(joinText(events))
        .containsExactly(new Text("Hello <b>world</b>, see <operational details"));
  }

  @Test
  void anOperationStillOpenAtTheEndIsTruncatedNeverClosed() {
    List<StreamEvent> events =
        parse(List.of("Start <operation type=\"create\" path=\"a.ts\"><content>\nhalf a fi"));

    OperationHeader header = header(0, "create", "a.ts", null);
    assertThat(events)
        .containsExactly(
            new Text("Start "),
            new OperationOpened(header),
            new OperationTruncated(
                header, "The answer ended inside its <content>, so the operation was not applied"));
  }

  @Test
  void aContentCloseFollowedByOtherTextIsPartOfTheBody() {
    List<StreamEvent> events =
        parse(
            List.of(
                "<operation type=\"create\" path=\"feed.xml\"><content>\n"
                    + "<entry><content>x</content></entry>\n"
                    + "</content></operation>"));

    assertThat(events.get(1))
        .isEqualTo(
            new OperationClosed(
                new Operation(
                    header(0, "create", "feed.xml", null),
                    "",
                    Optional.empty(),
                    Optional.of("<entry><content>x</content></entry>\n"))));
  }

  @Test
  void aForgottenOperationCloseIsForgivenWhenTheNextOperationStarts() {
    List<StreamEvent> events =
        parse(
            List.of(
                "<operation type=\"create\" path=\"a\"><content>\n"
                    + "A\n"
                    + "</content>\n"
                    + "<operation type=\"create\" path=\"b\"><content>\n"
                    + "B\n"
                    + "</content></operation>"));

    assertThat(events)
        .filteredOn(OperationClosed.class::isInstance)
        .extracting(event -> ((OperationClosed) event).operation().content().orElseThrow())
        .containsExactly("A\n", "B\n");
  }

  @Test
  void aCrlfAfterTheOpeningTagIsNotPartOfTheBody() {
    List<StreamEvent> events =
        parse(
            List.of(
                "<operation type=\"create\" path=\"a\">\r\n"
                    + "<content>\r\n"
                    + "A\r\n"
                    + "</content>\r\n"
                    + "</operation>"));

    assertThat(((OperationClosed) events.get(1)).operation().content()).contains("A\r\n");
  }

  @Test
  void anUnclosedFenceKeepsTheRestAsText() {
    String answer = "```\n<operation type=\"delete\" path=\"a\"></operation>\n";

    assertThat(parse(List.of(answer))).containsExactly(new Text(answer));
  }

  @Test
  void finishingTwiceIsHarmlessAndFeedingAfterwardsIsAnError() {
    List<StreamEvent> events = new ArrayList<>();
    OperationStreamParser parser = new OperationStreamParser(events::add);
    parser.feed("hi <operation");
    parser.finish();
    parser.finish();

    assertThat(joinText(events)).containsExactly(new Text("hi <operation"));
    org.assertj.core.api.Assertions.assertThatIllegalStateException()
        .isThrownBy(() -> parser.feed("more"));
  }
}
