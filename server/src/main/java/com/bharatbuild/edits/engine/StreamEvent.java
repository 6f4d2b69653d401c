package com.bharatbuild.edits.engine;

import java.util.Objects;

/** What {@link OperationStreamParser} reports as a model's answer streams in. */
public sealed interface StreamEvent {

  /**
   * Answer text outside any operation, markup removed; consecutive events join into the text.
   *
   * @param text never empty; must not be null
   */
  record Text(String text) implements StreamEvent {

    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /** An operation's opening tag was read; its body follows. */
  record OperationOpened(OperationHeader header) implements StreamEvent {

    public OperationOpened {
      Objects.requireNonNull(header, "header");
    }
  }

  /** An operation's description was read, before its body. */
  record OperationDescribed(OperationHeader header, String description) implements StreamEvent {

    public OperationDescribed {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(description, "description");
    }
  }

  /** An operation is complete and can be applied. */
  record OperationClosed(Operation operation) implements StreamEvent {

    public OperationClosed {
      Objects.requireNonNull(operation, "operation");
    }
  }

  /**
   * The answer ended inside an operation; it must not be applied.
   *
   * @param reason where the answer stopped, for the operation's error
   */
  record OperationTruncated(OperationHeader header, String reason) implements StreamEvent {

    public OperationTruncated {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
