package com.bharatbuild.shared.queue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** One instance: the work is done on the submitting thread, so a failure reaches the sender. */
final class InProcessWorkQueue implements WorkQueue {

  private final Map<String, Consumer<String>> handlers = new ConcurrentHashMap<>();

  @Override
  public void submit(String topic, String payload) {
    Consumer<String> handler = handlers.get(topic);
    if (handler == null) {
      throw new IllegalStateException("nothing handles work on " + topic);
    }
    handler.accept(payload);
  }

  @Override
  public void handle(String topic, Consumer<String> handler) {
    handlers.put(topic, handler);
  }
}
