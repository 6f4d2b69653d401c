package com.bharatbuild.live;

import com.bharatbuild.chat.ChatMessageChanged;
import com.bharatbuild.chat.ReplyEventAppended;
import com.bharatbuild.chat.ReplyEventSink;
import com.bharatbuild.execution.ProblemsUpdated;
import com.bharatbuild.execution.RunEnded;
import com.bharatbuild.execution.RunStarted;
import com.bharatbuild.projects.ProjectDeleted;
import com.bharatbuild.projects.ProjectFileChanged;
import com.bharatbuild.projects.ProjectFileRenamed;
import com.bharatbuild.wallet.BalanceView;
import com.bharatbuild.wallet.TokenWallet;
import com.bharatbuild.wallet.WalletChanged;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Turns what the modules publish into channel messages. Changes made in a transaction are sent
 * after it commits, so a tab never sees a change that was rolled back.
 */
@Component
class LiveEvents implements ReplyEventSink {

  private final LiveChannels channels;
  private final TokenWallet wallet;

  LiveEvents(LiveChannels channels, TokenWallet wallet) {
    this.channels = channels;
    this.wallet = wallet;
  }

  private static ObjectNode fields() {
    return LiveChannels.JSON.createObjectNode();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(ProjectFileChanged change) {
    ObjectNode fields = fields().put("path", change.path()).put("version", change.version());
    if (change.deleted()) {
      channels.publish(change.projectId(), "file.deleted", fields);
    } else {
      fields.put("by", change.by().name().toLowerCase(Locale.ROOT));
      channels.publish(change.projectId(), "file.changed", fields);
    }
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(ProjectFileRenamed renamed) {
    channels.publish(
        renamed.projectId(),
        "file.renamed",
        fields()
            .put("from", renamed.from())
            .put("to", renamed.to())
            .put("version", renamed.version()));
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(ProjectDeleted deleted) {
    channels.forget(deleted.projectId());
  }

  @EventListener
  void on(ChatMessageChanged change) {
    // each reply changes its messages several times: no need to render them for nobody
    if (!channels.wanted(change.projectId())) {
      return;
    }
    ObjectNode fields = fields().put("messageId", change.messageId().toString());
    if (change.message() != null) {
      fields.set("message", LiveChannels.JSON.valueToTree(change.message()));
    }
    String type =
        switch (change.change()) {
          case CREATED -> "message.created";
          case UPDATED -> "message.updated";
          case DELETED -> "message.deleted";
        };
    channels.publish(change.projectId(), type, fields);
  }

  @Override
  public void appended(ReplyEventAppended appended) {
    // every chunk of every reply comes through here: skip projects no tab can see, and embed the
    // event's JSON as it is rather than parsing it only to write it out again
    if (!channels.wanted(appended.projectId())) {
      return;
    }
    ObjectNode fields = fields().put("messageId", appended.messageId().toString());
    fields.putRawValue("event", new RawValue(appended.event()));
    channels.publish(appended.projectId(), "message.event", fields);
  }

  @EventListener
  void on(RunStarted started) {
    ObjectNode fields = fields();
    fields.set("run", LiveChannels.JSON.valueToTree(started.run()));
    channels.publish(started.projectId(), "run.started", fields);
  }

  @EventListener
  void on(RunEnded ended) {
    ObjectNode fields = fields();
    fields.set("run", LiveChannels.JSON.valueToTree(ended.run()));
    channels.publish(ended.projectId(), "run.ended", fields);
  }

  @EventListener
  void on(ProblemsUpdated updated) {
    ObjectNode fields = fields();
    fields.set("problems", LiveChannels.JSON.valueToTree(updated.problems()));
    channels.publish(updated.projectId(), "problems.updated", fields);
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(WalletChanged changed) {
    if (!channels.ownerHasOpenChannels(changed.userId())) {
      return;
    }
    BalanceView balance = wallet.balance(changed.userId());
    ObjectNode fields = fields();
    fields.set("balance", LiveChannels.JSON.valueToTree(balance));
    channels.publishToOwner(changed.userId(), "balance.changed", fields);
  }
}
