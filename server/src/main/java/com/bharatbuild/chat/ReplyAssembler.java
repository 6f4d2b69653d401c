package com.bharatbuild.chat;

import com.bharatbuild.edits.FileOperation;
import com.bharatbuild.edits.FileOperations;
import com.bharatbuild.edits.OperationOutcome;
import com.bharatbuild.edits.OperationStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Assembles one reply from the model's text: the prose without markup goes out as {@code chunk}
 * events, each operation goes out {@code pending} when it opens, then {@code in-progress} and
 * {@code complete} or {@code error} as the edit engine applies it the moment it closes.
 */
final class ReplyAssembler implements OperationStream.Listener {

  private static final String TRUNCATED = "The answer ended inside this operation";

  /** Makes an assembler per reply. */
  @Component
  static final class Factory {
    private final FileOperations fileOperations;
    private final ReplyEvents events;

    Factory(FileOperations fileOperations, ReplyEvents events) {
      this.fileOperations = fileOperations;
      this.events = events;
    }

    ReplyAssembler create(ReplyRun run) {
      return new ReplyAssembler(run, fileOperations, events);
    }
  }

  private final ReplyRun run;
  private final FileOperations fileOperations;
  private final ReplyEvents events;
  private final StringBuilder text = new StringBuilder();
  // what the model wrote, markup included, for a repair turn
  private final StringBuilder raw = new StringBuilder();
  private OperationStream parser = new OperationStream(this, 0);
  private final List<OperationView> operations = new ArrayList<>();
  // counts changes to the text and operations, so an unchanged reply is not saved again
  private long revision;
  private long savedRevision;

  /** What the reply has said so far. */
  record Snapshot(String text, List<OperationView> operations) {}

  private ReplyAssembler(ReplyRun run, FileOperations fileOperations, ReplyEvents events) {
    this.run = run;
    this.fileOperations = fileOperations;
    this.events = events;
  }

  void accept(String delta) {
    synchronized (this) {
      raw.append(delta);
    }
    parser.feed(delta);
  }

  /** Starts a second answer (a repair) in the same reply; its operations are numbered on. */
  void continueWithNewAnswer() {
    synchronized (this) {
      raw.setLength(0);
    }
    parser = new OperationStream(this, operations.size());
  }

  synchronized String rawAnswer() {
    return raw.toString();
  }

  /** Operations the engine refused (not those cut off by the end of the answer). */
  synchronized List<OperationView> refused() {
    return operations.stream()
        .filter(
            op ->
                op.status().equals("error")
                    && op.error() != null
                    && !op.error().startsWith(TRUNCATED))
        .toList();
  }

  /** The model finished: held-back text goes out, an unclosed operation fails. */
  void finish() {
    parser.finish();
  }

  /** The call failed or was cancelled midway: same as finishing, nothing half-written applies. */
  void abandon() {
    parser.finish();
  }

  synchronized String text() {
    return text.toString();
  }

  synchronized List<OperationView> operations() {
    return List.copyOf(operations);
  }

  /** The text and operations if they changed since the last snapshot, else null. */
  synchronized @Nullable Snapshot snapshotIfChanged() {
    if (revision == savedRevision) {
      return null;
    }
    savedRevision = revision;
    return new Snapshot(text.toString(), List.copyOf(operations));
  }

  @Override
  public void onText(String chunk) {
    synchronized (this) {
      text.append(chunk);
      revision++;
    }
    run.append(events.chunk(chunk));
  }

  @Override
  public void onOpened(int index, String type, String path, @Nullable String to) {
    update(
        index, new OperationView("op-" + (index + 1), type, path, to, "", "pending", null, null));
  }

  @Override
  public void onClosed(int index, String description, FileOperation operation) {
    OperationView view = operations.get(index);
    view =
        new OperationView(
            view.id(), view.type(), view.path(), view.to(), description, "in-progress", null, null);
    update(index, view);
    OperationOutcome outcome =
        fileOperations.apply(run.userId(), run.projectId(), run.replyId(), operation);
    update(
        index,
        switch (outcome) {
          case OperationOutcome.Applied applied ->
              view.withStatus("complete", applied.patch(), null);
          case OperationOutcome.Failed failed -> view.withStatus("error", null, failed.reason());
        });
  }

  @Override
  public void onTruncated(int index, String reason) {
    OperationView view = operations.get(index);
    fileOperations.truncated(view.type());
    update(
        index, view.withStatus("error", null, TRUNCATED + ": " + reason + "; nothing was changed"));
  }

  private void update(int index, OperationView view) {
    synchronized (this) {
      if (index == operations.size()) {
        operations.add(view);
      } else {
        operations.set(index, view);
      }
      revision++;
    }
    run.append(events.operation(view));
  }
}
