package com.bharatbuild.edits;

import com.bharatbuild.edits.engine.Operation;
import com.bharatbuild.edits.engine.OperationHeader;
import com.bharatbuild.edits.engine.OperationStreamParser;
import com.bharatbuild.edits.engine.StreamEvent;
import org.jspecify.annotations.Nullable;

/**
 * Reads the file operations out of a model's answer as it streams, with the engine's incremental
 * parser: chunks may split anything anywhere, markup in code fences is text, and an operation left
 * open at the end is reported as truncated. One instance per answer, fed from one thread.
 */
public final class OperationStream {

  /** Receives the answer's prose and its operations, in order. */
  public interface Listener {
    void onText(String text);

    void onOpened(int index, String type, String path, @Nullable String to);

    void onClosed(int index, String description, FileOperation operation);

    /** The answer ended inside this operation; it must not be applied. */
    void onTruncated(int index, String reason);
  }

  private final OperationStreamParser parser;

  /**
   * @param firstIndex the number of the answer's first operation, so a second answer in the same
   *     reply numbers on
   */
  public OperationStream(Listener listener, int firstIndex) {
    this.parser =
        new OperationStreamParser(
            event -> {
              switch (event) {
                case StreamEvent.Text text -> listener.onText(text.text());
                case StreamEvent.OperationOpened opened -> {
                  OperationHeader header = opened.header();
                  listener.onOpened(
                      firstIndex + header.index(),
                      header.type(),
                      header.path(),
                      header.to().orElse(null));
                }
                case StreamEvent.OperationDescribed described -> {
                  // the description arrives with the closed operation too
                }
                case StreamEvent.OperationClosed closed -> {
                  Operation operation = closed.operation();
                  OperationHeader header = operation.header();
                  listener.onClosed(
                      firstIndex + header.index(),
                      operation.description(),
                      new FileOperation(
                          header.type(),
                          header.path(),
                          header.to().orElse(null),
                          operation.diff().orElse(null),
                          operation.content().orElse(null)));
                }
                case StreamEvent.OperationTruncated truncated ->
                    listener.onTruncated(
                        firstIndex + truncated.header().index(), truncated.reason());
              }
            });
  }

  public void feed(CharSequence chunk) {
    parser.feed(chunk);
  }

  /** The answer is complete: held-back text goes out, an open operation is truncated. */
  public void finish() {
    parser.finish();
  }
}
