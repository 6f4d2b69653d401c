package com.bharatbuild.ai;

import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * What every provider's streaming call shares, whatever its SDK: cancelling closes the HTTP stream
 * (a blocked read returns at once), an error after cancelling is a cancellation, any other error is
 * mapped by the provider (a reader that fails with a {@link ModelCallFailed} has said how), and a
 * stream that ends without the provider's closing event is a failure, not an answer (a proxy that
 * closes cleanly mid-answer looks like the end of the stream).
 */
final class StreamedCall {

  /**
   * An open provider stream.
   *
   * @param readEvents reads every event into the provider's {@link Reader}, returning at the end of
   *     the stream; a failed read throws
   * @param close closes the HTTP stream, from any thread
   */
  record Opened(Runnable readEvents, Runnable close) {}

  /** What a provider keeps while reading its events. */
  interface Reader {
    /** Whether the provider's closing event arrived. */
    boolean finished();

    TokenUsage usage();

    CompletionResult.StopReason stopReason();
  }

  private StreamedCall() {}

  static CompletionResult run(
      Supplier<Opened> open,
      Reader reader,
      Cancellation cancellation,
      BiFunction<RuntimeException, TokenUsage, ModelCallFailed> failure,
      String truncated) {
    Opened stream;
    try {
      stream = open.get();
    } catch (RuntimeException e) {
      throw failure.apply(e, reader.usage());
    }
    cancellation.onCancel(stream.close());
    try {
      stream.readEvents().run();
    } catch (RuntimeException e) {
      if (!cancellation.isCancelled()) {
        throw e instanceof ModelCallFailed failed ? failed : failure.apply(e, reader.usage());
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
