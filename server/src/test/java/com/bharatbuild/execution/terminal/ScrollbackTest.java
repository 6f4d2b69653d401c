package com.bharatbuild.execution.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScrollbackTest {

  @Test
  void keepsTheNewestBytesInOrder() {
    Scrollback scrollback = new Scrollback(8);
    byte[] first = "abcde".getBytes(StandardCharsets.US_ASCII);
    byte[] second = "fghij".getBytes(StandardCharsets.US_ASCII);

    scrollback.append(first, first.length);
    assertThat(new String(scrollback.snapshot(), StandardCharsets.US_ASCII)).isEqualTo("abcde");
    scrollback.append(second, 4);

    assertThat(new String(scrollback.snapshot(), StandardCharsets.US_ASCII)).isEqualTo("bcdefghi");
  }
}
