package com.bharatbuild.shared.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent}: the trace a request belongs to and the span that stands
 * for this server's part of it. A proxy or caller that already started a trace passes it in; the
 * server continues it under a span of its own, so its log lines and its answer name the caller's
 * trace.
 *
 * @param traceId 32 lowercase hex digits, not all zero
 * @param spanId 16 lowercase hex digits, not all zero
 * @param flags 2 hex digits (01: sampled)
 */
public record TraceParent(String traceId, String spanId, String flags) {

  public static final String HEADER = "traceparent";

  // version 00 as the specification defines it; other versions and upper case are not accepted
  private static final Pattern FORMAT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
  private static final String NO_TRACE = "0".repeat(32);
  private static final String NO_SPAN = "0".repeat(16);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  /** The incoming header, when it is a valid version-00 {@code traceparent}. */
  public static Optional<TraceParent> parse(String header) {
    Matcher parts = FORMAT.matcher(header.strip());
    if (!parts.matches() || parts.group(1).equals(NO_TRACE) || parts.group(2).equals(NO_SPAN)) {
      return Optional.empty();
    }
    return Optional.of(new TraceParent(parts.group(1), parts.group(2), parts.group(3)));
  }

  /** A new trace, sampled, for a request that came without one. */
  public static TraceParent start() {
    return new TraceParent(randomHex(16, NO_TRACE), randomHex(8, NO_SPAN), "01");
  }

  /** This server's span in the same trace: same trace id and flags, a new span id. */
  public TraceParent child() {
    return new TraceParent(traceId, randomHex(8, NO_SPAN), flags);
  }

  /** The header value: {@code 00-<trace id>-<span id>-<flags>}. */
  public String header() {
    return "00-" + traceId + "-" + spanId + "-" + flags;
  }

  private static String randomHex(int bytes, String invalid) {
    byte[] random = new byte[bytes];
    String hex;
    do {
      RANDOM.nextBytes(random);
      hex = HEX.formatHex(random);
    } while (hex.equals(invalid));
    return hex;
  }
}
