package com.bharatbuild.chat;

import com.bharatbuild.ai.CompletionListener;
import com.bharatbuild.ai.CompletionRequest;
import com.bharatbuild.ai.CompletionResult;
import com.bharatbuild.ai.ModelCallFailed;
import com.bharatbuild.ai.ModelGateway;
import com.bharatbuild.ai.TokenUsage;
import com.bharatbuild.projects.FilePath;
import com.bharatbuild.projects.FileService;
import com.bharatbuild.shared.web.ApiProblem;
import com.bharatbuild.wallet.Reservation;
import com.bharatbuild.wallet.TokenWallet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Generates one reply: streams the model's answer through the {@link ReplyAssembler} (text without
 * markup, operations applied as they close), saves progress as it goes, and at the end saves the
 * reply, charges exactly the reported tokens and sends the one closing event. Every exit path
 * settles the wallet and saves what was said.
 */
@Component
class ReplyWorker {

  private static final Logger log = LoggerFactory.getLogger(ReplyWorker.class);
  private static final int BUSY_ATTEMPTS = 6;
  private static final Duration BUSY_BACKOFF = Duration.ofMillis(200);

  private final ModelGateway models;
  private final TokenWallet wallet;
  private final ChatMessages messages;
  private final ReplyEvents events;
  private final ReplyRegistry registry;
  private final ReplyAssembler.Factory assemblers;
  private final PromptBuilder prompts;
  private final FileService files;
  private final ChatActivity activity;
  private final ChatMetrics metrics;
  private final ReplyProgress progress;

  ReplyWorker(
      ModelGateway models,
      TokenWallet wallet,
      ChatMessages messages,
      ReplyEvents events,
      ReplyRegistry registry,
      ReplyAssembler.Factory assemblers,
      PromptBuilder prompts,
      FileService files,
      ChatActivity activity,
      ChatMetrics metrics,
      ReplyProgress progress) {
    this.metrics = metrics;
    this.activity = activity;
    this.progress = progress;
    this.prompts = prompts;
    this.files = files;
    this.models = models;
    this.wallet = wallet;
    this.messages = messages;
    this.events = events;
    this.registry = registry;
    this.assemblers = assemblers;
  }

  void run(
      ReplyRun run,
      CompletionRequest request,
      Reservation reservation,
      ChatMetrics.FirstEvent firstEvent) {
    ReplyAssembler reply = assemblers.create(run);
    Listener listener = new Listener(run, reply, firstEvent);
    progress.track(run.replyId(), reply);
    TokenUsage usage = TokenUsage.NONE;
    String status = "complete";
    ModelCallFailed failure = null;
    try {
      run.append(events.status("planning", "Planning file operations…"));
      CompletionResult result = models.stream(request, listener, run.cancellation());
      usage = result.usage();
      reply.finish();
      if (result.stopReason() != CompletionResult.StopReason.CANCELLED
          && !reply.refused().isEmpty()) {
        run.append(events.status("generating", "Fixing the file operations that failed…"));
        CompletionRequest repair =
            prompts.repair(request, reply.rawAnswer(), reply.refused(), currentFiles(run, reply));
        reply.continueWithNewAnswer();
        try {
          result = models.stream(repair, listener, run.cancellation());
          usage = usage.plus(result.usage());
        } catch (ModelCallFailed failed) {
          throw new ModelCallFailed(
              failed.code(),
              failed.getMessage(),
              failed.isTransient(),
              usage.plus(failed.usageSoFar()),
              failed);
        }
        reply.finish();
      }
      if (result.stopReason() == CompletionResult.StopReason.CANCELLED) {
        status = run.wasCutOffByShutdown() ? "interrupted" : "cancelled";
      }
    } catch (ModelCallFailed failed) {
      // a failed repair already carries the first answer's usage too
      usage = failed.usageSoFar();
      failure = failed;
      status = "error";
      reply.abandon();
    } catch (RuntimeException unexpected) {
      log.error("Reply {} failed", run.replyId(), unexpected);
      failure =
          new ModelCallFailed(
              "internal", "The reply failed on the server", false, usage, unexpected);
      status = "error";
      reply.abandon();
    } finally {
      // counted before the closing event, so whoever sees the reply end sees it counted
      metrics.replyEnded(request.model(), status);
      end(run, reservation, reply, usage, status, failure);
      log.info(
          "Reply {} ended {}{}: {} input, {} output, {} cache tokens",
          run.replyId(),
          status,
          failure == null ? "" : " (" + failure.code() + ")",
          usage.inputTokens(),
          usage.outputTokens(),
          usage.cacheCreationTokens() + usage.cacheReadTokens());
    }
  }

  /** The real content of the files whose operations were refused, for the repair turn. */
  private List<PromptBuilder.Attachment> currentFiles(ReplyRun run, ReplyAssembler reply) {
    List<PromptBuilder.Attachment> files = new ArrayList<>();
    for (OperationView operation : reply.refused()) {
      try {
        this.files
            .find(run.userId(), run.projectId(), FilePath.of(operation.path()))
            .ifPresent(
                file -> files.add(new PromptBuilder.Attachment(file.path(), file.content())));
      } catch (ApiProblem invalidPath) {
        // the model named a path that is not allowed; the reason already says so
      }
    }
    return files;
  }

  private void end(
      ReplyRun run,
      Reservation reservation,
      ReplyAssembler reply,
      TokenUsage usage,
      String status,
      ModelCallFailed failure) {
    progress.untrack(run.replyId());
    try {
      retryWhileBusy(
          () ->
              messages.saveReply(
                  run.replyId(),
                  reply.text(),
                  reply.operations(),
                  status,
                  usage.total(),
                  usage.inputTokens() + usage.cacheCreationTokens() + usage.cacheReadTokens(),
                  usage.outputTokens()));
      retryWhileBusy(() -> wallet.settle(reservation, usage.total(), run.projectId()));
    } catch (RuntimeException e) {
      log.error("Could not save or charge reply {}", run.replyId(), e);
    } finally {
      // the slot is free before the closing event goes out (written to the client on this very
      // thread), so a client that sends its next message on seeing it is not refused
      registry.finished(run);
      if (failure != null) {
        run.append(events.error(run.replyId(), failure.getMessage(), failure.code()));
      } else {
        run.append(
            events.complete(
                run.replyId(),
                usage.inputTokens() + usage.cacheCreationTokens() + usage.cacheReadTokens(),
                usage.outputTokens(),
                usage.total(),
                status));
      }
      run.finish();
      // after the stream's last event, so a watching tab sees the reply end before its final state
      try {
        activity.saved(run.userId(), run.replyId(), ChatMessageChanged.Change.UPDATED);
      } catch (RuntimeException e) {
        log.warn("Could not announce the end of reply {}: {}", run.replyId(), e.getMessage());
      }
    }
  }

  /**
   * Saving and charging a reply must not be lost to a busy moment (a wallet row lock that waited
   * too long under load); both are idempotent, so they are tried again a few times.
   */
  private static void retryWhileBusy(Runnable write) {
    for (int attempt = 1; ; attempt++) {
      try {
        write.run();
        return;
      } catch (TransientDataAccessException busy) {
        if (attempt == BUSY_ATTEMPTS) {
          throw busy;
        }
        log.warn("The database was busy (attempt {}): {}", attempt, busy.getMessage());
        try {
          Thread.sleep(BUSY_BACKOFF.multipliedBy(attempt));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw busy;
        }
      }
    }
  }

  /** Feeds the assembler; {@link ReplyProgress} saves what it has every few seconds. */
  private final class Listener implements CompletionListener {
    private final ReplyRun run;
    private final ReplyAssembler reply;
    private final ChatMetrics.FirstEvent firstEvent;
    private boolean generating;

    Listener(ReplyRun run, ReplyAssembler reply, ChatMetrics.FirstEvent firstEvent) {
      this.run = run;
      this.reply = reply;
      this.firstEvent = firstEvent;
    }

    @Override
    public void onText(String delta) {
      firstEvent.arrived();
      if (!generating) {
        generating = true;
        run.append(events.status("generating", "Generating code…"));
      }
      reply.accept(delta);
    }

    @Override
    public void onThinking(String delta) {
      firstEvent.arrived();
      run.append(events.thinking(delta));
    }
  }
}
