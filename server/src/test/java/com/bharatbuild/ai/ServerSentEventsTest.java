package com.bharatbuild.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {

  record Event(String type, String data) {}

  /** Every rule at once: line endings of each kind, comments, joined data, non-ASCII text. */
  static final byte[] STREAM =
      ("\uFEFF: a comment before anything\n"
              + "event: message_start\r\n"
              + "data: {\"type\":\"message_start\"}\r\n"
              + "\r\n"
              + "event: content_block_delta\r"
              + "data: {\"text\":\"नमस्ते 👋\"}\r"
              + "\r"
              + ":keep-alive\n"
              + "event:no_space\n"
              + "data:first\n"
              + "data:  second keeps one space\n"
              + "data\n"
              + "id: 7\n"
              + "retry: 1000\n"
              + "unknown: field\n"
              + "\n"
              + "data: without a name\n"
              + "\n"
              + "event: only_a_name\n"
              + "\n"
              + "\n"
              + "data: ✓ done\r\n"
              + "\r\n"
              + "event: cut_short\n"
              + "data: never dispatched")
          .getBytes(StandardCharsets.UTF_8);

  static final List<Event> EXPECTED =
      List.of(
          new Event("message_start", "{\"type\":\"message_start\"}"),
          new Event("content_block_delta", "{\"text\":\"नमस्ते 👋\"}"),
          new Event("no_space", "first\n second keeps one space\n"),
          new Event("message", "without a name"),
          new Event("message", "✓ done"));

  @Test
  void readsEveryFieldByTheRules() {
    assertThat(decode(List.of(STREAM))).isEqualTo(EXPECTED);
  }

  @Test
  void everySplitPointGivesTheSameEvents() {
    for (int i = 0; i <= STREAM.length; i++) {
      assertThat(
              decode(
                  List.of(
                      Arrays.copyOfRange(STREAM, 0, i),
                      Arrays.copyOfRange(STREAM, i, STREAM.length))))
          .as("split at byte %d", i)
          .isEqualTo(EXPECTED);
    }
  }

  @Test
  void oneByteAtATimeGivesTheSameEvents() {
    List<byte[]> bytes = new ArrayList<>();
    for (byte b : STREAM) {
      bytes.add(new byte[] {b});
    }

    assertThat(decode(bytes)).isEqualTo(EXPECTED);
  }

  @Property(tries = 500)
  void anyChunkingGivesTheSameEvents(@ForAll("cuts") List<Integer> cuts) {
    List<byte[]> chunks = new ArrayList<>();
    int from = 0;
    for (int cut : cuts.stream().sorted().distinct().toList()) {
      chunks.add(Arrays.copyOfRange(STREAM, from, cut));
      from = cut;
    }
    chunks.add(Arrays.copyOfRange(STREAM, from, STREAM.length));

    assertThat(decode(chunks)).isEqualTo(EXPECTED);
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, STREAM.length).list().ofMaxSize(120);
  }

  @Test
  void eachLineEndingEndsALine() {
    for (String end : List.of("\n", "\r\n", "\r")) {
      String stream = "event: e" + end + "data: a" + end + "data: b" + end + end;

      assertThat(decode(stream))
          .as("%s", end.replace("\r", "CR").replace("\n", "LF"))
          .containsExactly(new Event("e", "a\nb"));
    }
  }

  @Test
  void aCarriageReturnAtTheEndOfAReadPairsWithALineFeedAtTheStartOfTheNext() {
    assertThat(decode(List.of(utf8("data: a\r"), utf8("\ndata: b\r"), utf8("\n\r"), utf8("\n"))))
        .containsExactly(new Event("message", "a\nb"));
    assertThat(decode(List.of(utf8("data: a\r"), utf8("\r"), utf8("data: b\r\r"))))
        .containsExactly(new Event("message", "a"), new Event("message", "b"));
  }

  @Test
  void commentsAreIgnoredWherePlaced() {
    assertThat(decode(": hello\ndata: a\n:data: not data\ndata: b\n\n: bye\n\n"))
        .containsExactly(new Event("message", "a\nb"));
  }

  @Test
  void emptyDataLinesAreKept() {
    assertThat(decode("data\n\ndata:\ndata:\n\n"))
        .containsExactly(new Event("message", ""), new Event("message", "\n"));
  }

  @Test
  void multiByteCharactersSplitAcrossReadsArriveWhole() {
    byte[] stream = utf8("event: नमस्ते\ndata: नमस्ते 👋 दुनिया\n\n");
    List<Event> expected = List.of(new Event("नमस्ते", "नमस्ते 👋 दुनिया"));

    for (int i = 0; i <= stream.length; i++) {
      List<byte[]> chunks =
          List.of(Arrays.copyOfRange(stream, 0, i), Arrays.copyOfRange(stream, i, stream.length));
      assertThat(decode(chunks)).as("split at byte %d", i).isEqualTo(expected);
    }
  }

  @Test
  void anEventTheStreamEndsBeforeItsBlankLineIsNotDispatched() {
    assertThat(decode("data: whole\n\ndata: half\n"))
        .containsExactly(new Event("message", "whole"));
    assertThat(decode("data: whole\n\ndata: half")).containsExactly(new Event("message", "whole"));
  }

  @Test
  void linesLongerThanTheBuffersGrowThem() {
    String big = "ब".repeat(20_000);
    String stream = "event: big\ndata: " + big + "\ndata: " + big + "\n\ndata: small\n\n";
    List<byte[]> chunks = new ArrayList<>();
    byte[] bytes = utf8(stream);
    for (int from = 0; from < bytes.length; from += 1000) {
      chunks.add(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + 1000)));
    }

    assertThat(decode(chunks))
        .containsExactly(new Event("big", big + "\n" + big), new Event("message", "small"));
  }

  @Test
  void readsAnInputStreamToItsEndWhateverItsReadSizes() throws IOException {
    InputStream trickle =
        new ByteArrayInputStream(STREAM) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 3));
          }
        };
    List<Event> events = new ArrayList<>();

    new ServerSentEvents(collect(events)).read(trickle);

    assertThat(events).isEqualTo(EXPECTED);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<Event> decode(String stream) {
    return decode(List.of(utf8(stream)));
  }

  private static List<Event> decode(List<byte[]> chunks) {
    List<Event> events = new ArrayList<>();
    ServerSentEvents decoder = new ServerSentEvents(collect(events));
    for (byte[] chunk : chunks) {
      decoder.feed(chunk, 0, chunk.length);
    }
    return events;
  }

  private static ServerSentEvents.Listener collect(List<Event> events) {
    return (type, data, offset, length) ->
        events.add(new Event(type, new String(data, offset, length, StandardCharsets.UTF_8)));
  }
}
