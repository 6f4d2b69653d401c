package com.bharatbuild.ai;

import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What every provider's streaming call shares, whatever its SDK: cancelling closes the HTTP stream
 * (a blocked read returns at once), an error after cancelling is a cancellation, any other error is
 * mapped by the provider, and a stream that ends without the provider's closing event is a failure,
 * not an answer (a proxy that closes cleanly mid-answer looks like the end of the stream).
 */
final class StreamedCall {

  /** An open provider stream: its events and how to close it. */
  record Opened<E>(Stream<E> events, Runnable close) {}

  /** What a provider keeps while reading its events. */
  interface Reader<E> {
    void read(E event);

    /** Whether the provider's closing event arrived. */
    boolean finished();

    TokenUsage usage();

    CompletionResult.StopReason stopReason();
  }

  private StreamedCall() {}

  static <E> CompletionResult run(
      Supplier<Opened<E>> open,
      Reader<E> reader,
      Cancellation cancellation,
      BiFunction<RuntimeException, TokenUsage, ModelCallFailed> failure,
      String truncated) {
    Opened<E> stream;
    try {
      stream = open.get();
    } catch (RuntimeException e) {
      throw failure.apply(e, reader.usage());
    }
    cancellation.onCancel(stream.close());
    try {
      stream.events().forEach(reader::read);
    } catch (RuntimeException e) {
      if (!cancellation.isCancelled()) {
        throw failure.apply(e, reader.usage());
      }
    } finally {
      stream.close().run();
    }
    if (cancellation.isCancelled()) {
      return new CompletionResult(reader.usage(), CompletionResult.StopReason.CANCELLED);
    }
    if (!reader.finished()) {
      throw new ModelCallFailed("truncated", truncated, true, reader.usage(), null);
    }
    return new CompletionResult(reader.usage(), reader.stopReason());
  }
}
