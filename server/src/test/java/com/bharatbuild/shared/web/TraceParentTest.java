package com.bharatbuild.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";

  @Test
  void aVersionZeroHeaderIsReadAndContinuedUnderANewSpan() {
    TraceParent parent = TraceParent.parse("00-" + TRACE + "-" + SPAN + "-01").orElseThrow();
    TraceParent child = parent.child();

    assertThat(parent).isEqualTo(new TraceParent(TRACE, SPAN, "01"));
    assertThat(child.traceId()).isEqualTo(TRACE);
    assertThat(child.spanId()).matches("[0-9a-f]{16}").isNotEqualTo(SPAN);
    assertThat(child.header()).isEqualTo("00-" + TRACE + "-" + child.spanId() + "-01");
  }

  @Test
  void malformedOrInvalidHeadersAreNotContinued() {
    for (String header :
        new String[] {
          "",
          "garbage",
          "00-" + TRACE + "-" + SPAN,
          "00-" + TRACE + "-" + SPAN + "-01-extra",
          "ff-" + TRACE + "-" + SPAN + "-01",
          "00-" + TRACE.toUpperCase() + "-" + SPAN + "-01",
          "00-" + "0".repeat(32) + "-" + SPAN + "-01",
          "00-" + TRACE + "-" + "0".repeat(16) + "-01",
          "00-" + TRACE.substring(1) + "-" + SPAN + "-01"
        }) {
      assertThat(TraceParent.parse(header)).as(header).isEmpty();
    }
  }

  @Test
  void aNewTraceIsSampledWithRandomIds() {
    TraceParent one = TraceParent.start();
    TraceParent two = TraceParent.start();

    assertThat(one.header()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(one.traceId()).isNotEqualTo(two.traceId());
  }
}
