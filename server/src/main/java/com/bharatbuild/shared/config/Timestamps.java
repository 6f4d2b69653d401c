package com.bharatbuild.shared.config;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The one way the modules stamp what they store: the clock's instant, in UTC. */
public final class Timestamps {

  private Timestamps() {}

  public static OffsetDateTime now(Clock clock) {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
