package com.bharatbuild.execution.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestHeadTest {

  private static RequestHead read(String raw) throws IOException {
    return RequestHead.read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)))
        .orElseThrow();
  }

  @Test
  void readsTheRouteHostAndCookiesAndKeepsEveryByte() throws IOException {
    String raw =
        "GET /app?x=1 HTTP/1.1\r\nHost: Abc.LocalHost:8081\r\nCookie: a=1; bharatbuild_preview=t0k\r\n"
            + "Upgrade: websocket\r\n\r\nbody-start";

    RequestHead head = read(raw);

    assertThat(head.method()).isEqualTo("GET");
    assertThat(head.target()).isEqualTo("/app?x=1");
    assertThat(head.hostName()).isEqualTo("abc.localhost");
    assertThat(head.cookieValue("bharatbuild_preview")).hasValue("t0k");
    assertThat(head.cookieValue("missing")).isEmpty();
    assertThat(new String(head.bytes(), StandardCharsets.ISO_8859_1)).isEqualTo(raw);
  }

  @Test
  void refusesMalformedOrEndlessHeads() {
    assertThatThrownBy(() -> read("NONSENSE\r\n\r\n")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> read("GET / HTTP/1.1\r\nX: " + "a".repeat(40_000)))
        .isInstanceOf(IOException.class);
  }
}
