package com.bharatbuild.ai;

/** Receives a streamed answer as it arrives, on the thread that runs the call. */
public interface CompletionListener {

  void onText(String delta);

  /** Reasoning the model streams before or between its answer, where it does. */
  default void onThinking(String delta) {}
}
