package com.bharatbuild.shared.web;

import java.util.Map;
import org.slf4j.MDC;

/**
 * Carries the log context (request id, trace id) of the current thread into work it hands to
 * another thread, so that work's log lines name the request that started it. The MDC is per thread
 * and a new virtual thread starts with none.
 */
public final class LogContext {

  private LogContext() {}

  /** The task, running with the caller's log context and leaving its thread's context as it was. */
  public static Runnable carried(Runnable task) {
    Map<String, String> captured = MDC.getCopyOfContextMap();
    if (captured == null || captured.isEmpty()) {
      return task;
    }
    return () -> {
      Map<String, String> previous = MDC.getCopyOfContextMap();
      MDC.setContextMap(captured);
      try {
        task.run();
      } finally {
        if (previous == null) {
          MDC.clear();
        } else {
          MDC.setContextMap(previous);
        }
      }
    };
  }
}
