package com.bharatbuild.support;

import java.time.Duration;

/** Retries an assertion until it holds, for effects that happen after the request returned. */
public final class Eventually {

  private Eventually() {}

  /** Runs {@code check} until it passes or 15 s have gone; then its last failure is thrown. */
  public static void holds(Runnable check) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      try {
        check.run();
        return;
      } catch (AssertionError notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting", e);
      }
    }
  }
}
