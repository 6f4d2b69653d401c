package com.bharatbuild.ai;

import java.util.ArrayList;
import java.util.List;

/**
 * Lets another thread stop a running call. Providers register how to abort their request (closing
 * the HTTP stream), which makes a blocked read return at once.
 */
public final class Cancellation {

  private final List<Runnable> hooks = new ArrayList<>();
  private boolean cancelled;

  public void cancel() {
    List<Runnable> toRun;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      toRun = List.copyOf(hooks);
    }
    toRun.forEach(Runnable::run);
  }

  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /** Runs the hook when cancelled, at once if already cancelled. */
  public void onCancel(Runnable hook) {
    synchronized (this) {
      if (!cancelled) {
        hooks.add(hook);
        return;
      }
    }
    hook.run();
  }
}
