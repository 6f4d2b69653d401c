package com.bharatbuild.chat;

import com.bharatbuild.ai.ModelGateway;
import com.bharatbuild.ai.ModelInfo;
import com.bharatbuild.chat.ChatMessages.Stored;
import com.bharatbuild.chat.ChatProblems.AttachedFileMissing;
import com.bharatbuild.chat.ChatProblems.MessageNotFound;
import com.bharatbuild.chat.ChatProblems.NotAnAssistantMessage;
import com.bharatbuild.chat.ChatProblems.ReplyInProgress;
import com.bharatbuild.chat.PromptBuilder.Attachment;
import com.bharatbuild.chat.PromptBuilder.Prompt;
import com.bharatbuild.edits.MessageRevert;
import com.bharatbuild.edits.RevertResult;
import com.bharatbuild.projects.FilePath;
import com.bharatbuild.projects.FileService;
import com.bharatbuild.projects.FileView;
import com.bharatbuild.projects.ProjectService;
import com.bharatbuild.projects.ProjectView;
import com.bharatbuild.shared.config.Timestamps;
import com.bharatbuild.shared.web.LogContext;
import com.bharatbuild.wallet.Reservation;
import com.bharatbuild.wallet.TokenWallet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts replies and answers questions about messages. Starting a reply checks everything that can
 * be refused (project, attachments, context size, balance) before anything is saved or streamed;
 * then the user message and an empty streaming reply are saved and a {@link ReplyWorker} runs the
 * model call on its own virtual thread.
 */
@Service
class ChatService implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ChatService.class);

  private final ProjectService projects;
  private final FileService files;
  private final ChatMessages messages;
  private final ModelGateway models;
  private final TokenWallet wallet;
  private final PromptBuilder prompts;
  private final ReplyRegistry registry;
  private final ReplyWorker worker;
  private final ReplyEvents events;
  private final ChatProperties settings;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final MessageRevert reverts;
  private final ChatActivity activity;
  private final ChatMetrics metrics;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  ChatService(
      ProjectService projects,
      FileService files,
      ChatMessages messages,
      ModelGateway models,
      TokenWallet wallet,
      PromptBuilder prompts,
      ReplyRegistry registry,
      ReplyWorker worker,
      ReplyEvents events,
      ChatProperties settings,
      TransactionTemplate transactions,
      MessageRevert reverts,
      ChatActivity activity,
      ChatMetrics metrics,
      Clock clock) {
    this.metrics = metrics;
    this.activity = activity;
    this.reverts = reverts;
    this.projects = projects;
    this.files = files;
    this.messages = messages;
    this.models = models;
    this.wallet = wallet;
    this.prompts = prompts;
    this.registry = registry;
    this.worker = worker;
    this.events = events;
    this.settings = settings;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Saves the message and starts its reply. */
  ReplyRun send(UUID userId, ChatRequest request) {
    ProjectView project = projects.get(userId, request.projectId());
    List<MessageView> history =
        messages.recentUsable(project.id(), userId, settings.historyMessages());
    return start(userId, project, request, history, null);
  }

  /** Starts a new reply to the user message that {@code replyId} answered, replacing it. */
  ReplyRun regenerate(UUID userId, UUID replyId) {
    Stored old = messages.findOwned(replyId, userId).orElseThrow(MessageNotFound::new);
    if (!old.view().role().equals("assistant") || old.view().replyTo() == null) {
      throw new NotAnAssistantMessage();
    }
    Stored question =
        messages.findOwned(old.view().replyTo(), userId).orElseThrow(MessageNotFound::new);
    ProjectView project = projects.get(userId, old.projectId());
    List<MessageView> history = new ArrayList<>();
    for (MessageView message : messages.listForProject(project.id(), userId)) {
      if (message.id().equals(question.view().id())) {
        break;
      }
      history.add(message);
    }
    ChatRequest request =
        new ChatRequest(
            project.id(),
            question.view().content(),
            question.view().attachedFiles(),
            modeOf(question.mode()),
            null,
            old.model());
    return start(
        userId, project, request, recent(history), new Regeneration(question.view(), replyId));
  }

  /** What a regenerated reply keeps of the old exchange. */
  private record Regeneration(MessageView question, UUID oldReplyId) {}

  private ReplyRun start(
      UUID userId,
      ProjectView project,
      ChatRequest request,
      List<MessageView> recentHistory,
      @Nullable Regeneration regeneration) {
    if (!registry.accepting()) {
      throw new ChatProblems.ShuttingDown();
    }
    ModelInfo model = models.resolve(request.model());
    ChatMetrics.FirstEvent firstEvent = metrics.waitForFirstEvent(model.id());
    List<Attachment> attachments = new ArrayList<>();
    for (String raw : request.attachedFiles()) {
      FilePath path = FilePath.of(raw);
      FileView file =
          files
              .find(userId, project.id(), path)
              .orElseThrow(() -> new AttachedFileMissing(path.value()));
      attachments.add(new Attachment(file.path(), file.content()));
    }
    Attachment openFile = openFile(userId, project, request, attachments);
    Prompt prompt =
        prompts.build(
            project,
            request.modeOrDefault(),
            files.list(userId, project.id()),
            recentHistory,
            request.message(),
            attachments,
            openFile,
            files
                .find(userId, project.id(), FilePath.of(PromptBuilder.RULES_FILE))
                .map(FileView::content)
                .orElse(null),
            model,
            model.maxOutputTokens(),
            true);
    UUID replyId = UUID.randomUUID();
    registry.admit(userId, project.id(), replyId);
    Reservation reservation;
    UUID questionId;
    try {
      reservation =
          wallet.reserve(userId, replyId, prompt.inputEstimate(), model.maxOutputTokens());
    } catch (RuntimeException refused) {
      registry.release(userId, project.id(), replyId);
      throw refused;
    }
    try {
      questionId = save(userId, project, request, model, replyId, regeneration);
    } catch (RuntimeException failed) {
      wallet.settle(reservation, 0, project.id());
      registry.release(userId, project.id(), replyId);
      throw failed;
    }
    if (regeneration == null) {
      activity.saved(userId, questionId, ChatMessageChanged.Change.CREATED);
    } else {
      activity.deleted(project.id(), userId, regeneration.oldReplyId());
    }
    activity.saved(userId, replyId, ChatMessageChanged.Change.CREATED);
    UUID projectId = project.id();
    ReplyRun run =
        new ReplyRun(
            replyId,
            questionId,
            userId,
            projectId,
            clock,
            event -> activity.replyEvent(projectId, userId, replyId, event),
            registry.mirror());
    run.append(events.started(replyId, questionId));
    registry.add(run);
    log.info("Reply {} to message {} started with model {}", replyId, questionId, model.id());
    // the worker's log lines carry this request's id and trace id
    threads.submit(
        LogContext.carried(
            () ->
                worker.run(
                    run,
                    prompt.request().withMaxOutputTokens(reservation.maxOutputTokens()),
                    reservation,
                    firstEvent)));
    return run;
  }

  private UUID save(
      UUID userId,
      ProjectView project,
      ChatRequest request,
      ModelInfo model,
      UUID replyId,
      @Nullable Regeneration regeneration) {
    return transactions.execute(
        status -> {
          OffsetDateTime now = Timestamps.now(clock);
          UUID questionId;
          if (regeneration == null) {
            questionId = UUID.randomUUID();
            messages.insert(
                userId,
                project.id(),
                new MessageView(
                    questionId,
                    "user",
                    request.message(),
                    request.attachedFiles(),
                    List.of(),
                    0,
                    "complete",
                    null,
                    now),
                null,
                request.modeOrDefault().wireName());
            // the reply sorts after its question even within the same clock tick
            now = now.plusNanos(1000);
          } else {
            questionId = regeneration.question().id();
            messages.delete(regeneration.oldReplyId(), userId);
          }
          messages.insert(
              userId,
              project.id(),
              new MessageView(
                  replyId, "assistant", "", List.of(), List.of(), 0, "streaming", questionId, now),
              model.id(),
              request.modeOrDefault().wireName());
          return questionId;
        });
  }

  private @Nullable Attachment openFile(
      UUID userId, ProjectView project, ChatRequest request, List<Attachment> attachments) {
    if (request.openFile() == null || request.openFile().isBlank()) {
      return null;
    }
    FilePath path = FilePath.of(request.openFile());
    if (attachments.stream().anyMatch(a -> a.path().equals(path.value()))) {
      return null;
    }
    return files
        .find(userId, project.id(), path)
        .map(file -> new Attachment(file.path(), file.content()))
        .orElse(null);
  }

  /** The last messages that can go into a prompt, at most the configured number. */
  private List<MessageView> recent(List<MessageView> history) {
    List<MessageView> usable = history.stream().filter(ChatMessages::usableInPrompt).toList();
    return usable.subList(Math.max(0, usable.size() - settings.historyMessages()), usable.size());
  }

  private static @Nullable ChatMode modeOf(@Nullable String wireName) {
    for (ChatMode mode : ChatMode.values()) {
      if (mode.wireName().equals(wireName)) {
        return mode;
      }
    }
    return null;
  }

  MessageView message(UUID userId, UUID messageId) {
    return messages
        .findOwned(messageId, userId)
        .map(Stored::view)
        .orElseThrow(MessageNotFound::new);
  }

  List<MessageView> list(UUID userId, UUID projectId) {
    projects.get(userId, projectId);
    return messages.listForProject(projectId, userId);
  }

  void delete(UUID userId, UUID messageId) {
    Stored message = messages.findOwned(messageId, userId).orElseThrow(MessageNotFound::new);
    boolean streaming =
        registry.find(messageId).map(run -> !run.isFinished()).orElse(false)
            || message.view().status().equals("streaming");
    if (streaming) {
      throw new ReplyInProgress();
    }
    messages.delete(messageId, userId);
    activity.deleted(message.projectId(), userId, messageId);
  }

  /**
   * Cancels the reply with this id, or the reply to the user message with this id.
   *
   * @throws MessageNotFound when the caller has no such message
   */
  void stop(UUID userId, UUID messageId) {
    messages.findOwned(messageId, userId).orElseThrow(MessageNotFound::new);
    // ownership was checked above: the instance that runs it only needs the id
    registry.stop(messageId);
  }

  /** The run to stream for a message the caller owns, if this instance has it. */
  java.util.Optional<ReplyRun> runFor(UUID userId, UUID messageId) {
    return registry.find(messageId).filter(run -> run.userId().equals(userId));
  }

  /** The saved reply to replay when its run is gone. */
  MessageView savedReply(UUID userId, UUID messageId) {
    Stored message = messages.findOwned(messageId, userId).orElseThrow(MessageNotFound::new);
    if (message.view().role().equals("assistant")) {
      return message.view();
    }
    return messages
        .findReplyTo(messageId)
        .map(Stored::view)
        .orElseThrow(ChatProblems.ReplyNotAvailable::new);
  }

  RevertResult revert(UUID userId, UUID replyId, boolean force) {
    Stored reply = messages.findOwned(replyId, userId).orElseThrow(MessageNotFound::new);
    if (!reply.view().role().equals("assistant")) {
      throw new NotAnAssistantMessage();
    }
    if (registry.find(replyId).map(run -> !run.isFinished()).orElse(false)) {
      throw new ReplyInProgress();
    }
    return reverts.revert(userId, reply.projectId(), replyId, force);
  }

  ChatProperties settings() {
    return settings;
  }

  @Override
  public void destroy() {
    threads.shutdown();
  }
}
