package com.bharatbuild.ai;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes a {@code text/event-stream} body into events, by the WHATWG rules: lines end with LF,
 * CRLF or CR; {@code event:} and {@code data:} fields take one optional space after the colon;
 * several {@code data:} lines join with LF; lines starting with a colon are comments; a blank line
 * dispatches the event; an event still open when the stream ends is dropped. {@code id:} and {@code
 * retry:} only matter for reconnecting, which a model call never does, so they are ignored.
 *
 * <p>We decode Anthropic's stream ourselves, keeping its SDK only to build and send the request:
 * the SDK reads each event into a Jackson tree and binds it reflectively (through Kotlin) into its
 * event classes, which was about 13% of the server's CPU with 1,000 replies streaming. This decoder
 * works on bytes, reusing its buffers, and hands each event's data to the listener as bytes, which
 * a streaming JSON parser reads in place. Lines are decoded only once whole, so a UTF-8 character
 * split across reads is never cut.
 *
 * <p>One instance reads one stream, on one thread.
 */
final class ServerSentEvents {

  /** Receives each dispatched event. */
  interface Listener {
    /**
     * @param type the {@code event:} field, {@code message} when it had none
     * @param data the joined {@code data:} lines as UTF-8; the array is the decoder's own buffer,
     *     valid only during this call
     */
    void onEvent(String type, byte[] data, int offset, int length);
  }

  private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);
  private static final int READ_SIZE = 8192;
  // a stream uses a handful of event names; decoding each once keeps a String per event away
  private static final int KNOWN_TYPES = 16;

  private final Listener listener;
  // the start of a line whose end has not arrived yet
  private byte[] partial = new byte[256];
  private int partialLength;
  private byte[] data = new byte[1024];
  private int dataLength;
  private boolean hasData;
  private String type;
  private boolean afterCarriageReturn;
  private boolean firstLine = true;
  private final byte[][] knownTypeBytes = new byte[KNOWN_TYPES][];
  private final String[] knownTypes = new String[KNOWN_TYPES];
  private int knownTypeCount;

  ServerSentEvents(Listener listener) {
    this.listener = listener;
  }

  /** Reads the stream to its end, dispatching its events as they complete. */
  void read(InputStream in) throws IOException {
    byte[] buffer = new byte[READ_SIZE];
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      feed(buffer, 0, read);
    }
  }

  /** Takes the next bytes of the stream, cut anywhere. */
  void feed(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int start = offset;
    if (afterCarriageReturn && start < end) {
      afterCarriageReturn = false;
      if (bytes[start] == '\n') {
        start++;
      }
    }
    for (int i = start; i < end; i++) {
      byte b = bytes[i];
      if (b != '\n' && b != '\r') {
        continue;
      }
      if (partialLength == 0) {
        takeLine(bytes, start, i);
      } else {
        keepPartial(bytes, start, i);
        takeLine(partial, 0, partialLength);
        partialLength = 0;
      }
      if (b == '\r') {
        if (i + 1 == end) {
          afterCarriageReturn = true;
        } else if (bytes[i + 1] == '\n') {
          i++;
        }
      }
      start = i + 1;
    }
    keepPartial(bytes, start, end);
  }

  private void keepPartial(byte[] bytes, int from, int to) {
    int length = to - from;
    if (partialLength + length > partial.length) {
      partial = Arrays.copyOf(partial, Math.max(partial.length * 2, partialLength + length));
    }
    System.arraycopy(bytes, from, partial, partialLength, length);
    partialLength += length;
  }

  private void takeLine(byte[] bytes, int from, int to) {
    if (firstLine) {
      firstLine = false;
      if (to - from >= 3
          && bytes[from] == (byte) 0xEF
          && bytes[from + 1] == (byte) 0xBB
          && bytes[from + 2] == (byte) 0xBF) {
        from += 3; // a leading byte order mark is not part of the stream
      }
    }
    if (from == to) {
      dispatch();
      return;
    }
    if (bytes[from] == ':') {
      return;
    }
    int colon = from;
    while (colon < to && bytes[colon] != ':') {
      colon++;
    }
    int value = colon == to ? to : colon + 1;
    if (value < to && bytes[value] == ' ') {
      value++;
    }
    if (Arrays.equals(bytes, from, colon, DATA, 0, DATA.length)) {
      addData(bytes, value, to);
    } else if (Arrays.equals(bytes, from, colon, EVENT, 0, EVENT.length)) {
      type = typeName(bytes, value, to);
    }
  }

  private void addData(byte[] bytes, int from, int to) {
    int needed = dataLength + (hasData ? 1 : 0) + to - from;
    if (needed > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, needed));
    }
    if (hasData) {
      data[dataLength++] = '\n';
    }
    System.arraycopy(bytes, from, data, dataLength, to - from);
    dataLength += to - from;
    hasData = true;
  }

  private void dispatch() {
    if (!hasData) {
      type = null;
      return;
    }
    String eventType = type == null || type.isEmpty() ? "message" : type;
    int length = dataLength;
    type = null;
    dataLength = 0;
    hasData = false;
    // the data stays in place until the next line is read, after the listener returns
    listener.onEvent(eventType, data, 0, length);
  }

  private String typeName(byte[] bytes, int from, int to) {
    for (int i = 0; i < knownTypeCount; i++) {
      byte[] known = knownTypeBytes[i];
      if (Arrays.equals(known, 0, known.length, bytes, from, to)) {
        return knownTypes[i];
      }
    }
    String name = new String(bytes, from, to - from, StandardCharsets.UTF_8);
    if (knownTypeCount < KNOWN_TYPES) {
      knownTypeBytes[knownTypeCount] = Arrays.copyOfRange(bytes, from, to);
      knownTypes[knownTypeCount++] = name;
    }
    return name;
  }
}
