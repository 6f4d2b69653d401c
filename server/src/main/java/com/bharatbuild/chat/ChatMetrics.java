package com.bharatbuild.chat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.springframework.stereotype.Component;

/**
 * The chat module's meters: event streams open on this instance, replies running here, how long a
 * user waits from sending a message to the first thing the model says, and how replies end. Tagged
 * by model id at most.
 */
@Component
class ChatMetrics {

  private final MeterRegistry registry;
  private final AtomicInteger openStreams = new AtomicInteger();

  ChatMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("bharatbuild.chat.streams.active", openStreams, AtomicInteger::get)
        .description("Reply event streams open on this instance")
        .register(registry);
  }

  /** Counts the replies running here, as the registry knows them. */
  void runningReplies(IntSupplier running) {
    Gauge.builder("bharatbuild.chat.replies.active", running, supplier -> supplier.getAsInt())
        .description("Replies being generated on this instance")
        // the supplier is a lambda nobody else holds; a weak reference would lose it
        .strongReference(true)
        .register(registry);
  }

  void streamOpened() {
    openStreams.incrementAndGet();
  }

  void streamClosed() {
    openStreams.decrementAndGet();
  }

  /** Starts the wait of a message for the first event the model produces for it. */
  FirstEvent waitForFirstEvent(String model) {
    return new FirstEvent(model, Timer.start(registry));
  }

  void replyEnded(String model, String status) {
    Counter.builder("bharatbuild.chat.replies")
        .description("Replies that ended, by status")
        .tag("model", model)
        .tag("status", status)
        .register(registry)
        .increment();
  }

  /** The wait for a reply's first text or thinking; recorded once. */
  final class FirstEvent {
    private final String model;
    private final Timer.Sample started;
    private boolean arrived;

    private FirstEvent(String model, Timer.Sample started) {
      this.model = model;
      this.started = started;
    }

    /** The model produced its first output for this reply. */
    synchronized void arrived() {
      if (arrived) {
        return;
      }
      arrived = true;
      started.stop(
          Timer.builder("bharatbuild.chat.first.event")
              .description(
                  "Time from a chat request to the first text or thinking of its reply,"
                      + " retries and prompt building included")
              .tag("model", model)
              .publishPercentileHistogram()
              .minimumExpectedValue(Duration.ofMillis(10))
              .maximumExpectedValue(Duration.ofMinutes(2))
              .register(registry));
    }
  }
}
