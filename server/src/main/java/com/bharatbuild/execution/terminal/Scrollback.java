package com.bharatbuild.execution.terminal;

/** The newest bytes of a terminal's output, replayed to a tab that attaches or reconnects. */
final class Scrollback {

  private final byte[] ring;
  private long written;

  Scrollback(int capacity) {
    this.ring = new byte[Math.max(capacity, 1)];
  }

  synchronized void append(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      ring[(int) (written++ % ring.length)] = bytes[i];
    }
  }

  synchronized byte[] snapshot() {
    int size = (int) Math.min(written, ring.length);
    byte[] copy = new byte[size];
    long start = written - size;
    for (int i = 0; i < size; i++) {
      copy[i] = ring[(int) ((start + i) % ring.length)];
    }
    return copy;
  }
}
