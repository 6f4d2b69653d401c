package com.bharatbuild.shared.queue;

import java.util.function.Consumer;

/**
 * Work handed from the request that received it to whichever instance does it (payment events
 * today). In-process, the work is done before {@link #submit} returns and its failure is the
 * caller's; with Redis, it is appended to a Redis Stream and done at least once by one instance of
 * a consumer group, retried after a failure or a crash, and set aside after repeated failures.
 * Handlers must therefore be idempotent.
 */
public interface WorkQueue {

  /** Hands over one piece of work on a topic. */
  void submit(String topic, String payload);

  /**
   * Sets the handler of a topic, once, before work is submitted to it. A handler that throws has
   * the work retried (with Redis) or the submit fail (in-process).
   */
  void handle(String topic, Consumer<String> handler);
}
