package com.bharatbuild.shared.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Rate windows in this instance's memory: one instance, or no Redis. */
final class LocalRateWindows implements RateWindows {

  // past this many keys, the ones whose events all left their window are dropped
  private static final int SWEEP_THRESHOLD = 50_000;

  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final Clock clock;

  /** A key's event times and the window they were last counted in. */
  private static final class Window {
    private final Deque<Instant> times = new ArrayDeque<>();
    private Duration length = Duration.ZERO;

    synchronized void prune(Instant now) {
      Instant cutoff = now.minus(length);
      while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
        times.pollFirst();
      }
    }

    synchronized Optional<Duration> waitFor(int limit, Duration window, Instant now) {
      length = window;
      prune(now);
      if (times.size() < limit) {
        return Optional.empty();
      }
      return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
    }

    synchronized boolean isEmpty() {
      return times.isEmpty();
    }
  }

  LocalRateWindows(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Optional<Duration> tryAcquire(String key, int limit, Duration window) {
    Instant now = clock.instant();
    Window w = window(key, now);
    synchronized (w) {
      Optional<Duration> wait = w.waitFor(limit, window, now);
      if (wait.isEmpty()) {
        w.times.addLast(now);
      }
      return wait;
    }
  }

  @Override
  public void record(String key, Duration window) {
    Instant now = clock.instant();
    Window w = window(key, now);
    synchronized (w) {
      w.length = window;
      w.prune(now);
      w.times.addLast(now);
    }
  }

  @Override
  public Optional<Duration> retryAfter(String key, int limit, Duration window) {
    Window w = windows.get(key);
    return w == null ? Optional.empty() : w.waitFor(limit, window, clock.instant());
  }

  @Override
  public void clear(String key) {
    windows.remove(key);
  }

  private Window window(String key, Instant now) {
    if (windows.size() > SWEEP_THRESHOLD) {
      // a spray of addresses must not grow memory without bound
      windows
          .values()
          .removeIf(
              w -> {
                w.prune(now);
                return w.isEmpty();
              });
    }
    return windows.computeIfAbsent(key, k -> new Window());
  }
}
