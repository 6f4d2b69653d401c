package com.bharatbuild.ai;

import java.util.List;

/** One source of models. Implementations block the calling (virtual) thread while streaming. */
interface ModelProvider {

  List<ModelInfo> models();

  /**
   * Streams one completion to the listener.
   *
   * @throws ModelCallFailed when the provider answers an error or the connection fails
   */
  CompletionResult stream(
      CompletionRequest request, CompletionListener listener, Cancellation cancellation);
}
