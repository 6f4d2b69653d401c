package com.bharatbuild.chat;

import com.bharatbuild.wallet.TokenWallet;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Replies still marked streaming when the server starts were cut off by a crash or a kill: they
 * keep what they said and are marked interrupted, never left streaming.
 */
@Component
class InterruptedReplies {

  private static final Logger log = LoggerFactory.getLogger(InterruptedReplies.class);

  private final ChatMessages messages;
  private final TokenWallet wallet;

  InterruptedReplies(ChatMessages messages, TokenWallet wallet) {
    this.messages = messages;
    this.wallet = wallet;
  }

  @EventListener(ApplicationReadyEvent.class)
  void markInterrupted() {
    List<UUID> interrupted = messages.markInterrupted();
    // what the provider counted for them died with the process; only the hold is released
    interrupted.forEach(wallet::releaseReservation);
    if (!interrupted.isEmpty()) {
      log.warn("Marked {} replies interrupted by the last shutdown", interrupted.size());
    }
  }
}
