package com.bharatbuild.chat;

import com.bharatbuild.shared.jobs.JobLocks;
import com.bharatbuild.wallet.TokenWallet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Replies whose instance stopped beating (a crash or a kill, on this instance or another) keep what
 * they said and are marked interrupted, never left streaming; their token hold is released. Runs at
 * start-up and then every half minute, on one instance at a time; each reply is claimed once.
 */
@Component
class InterruptedReplies {

  private static final Logger log = LoggerFactory.getLogger(InterruptedReplies.class);
  // an instance that starts while another just swept need not sweep again
  private static final Duration SWEEP_HELD = Duration.ofSeconds(1);

  private final ChatMessages messages;
  private final TokenWallet wallet;
  private final ChatProperties settings;
  private final Clock clock;
  private final JobLocks jobs;

  InterruptedReplies(
      ChatMessages messages,
      TokenWallet wallet,
      ChatProperties settings,
      Clock clock,
      JobLocks jobs) {
    this.jobs = jobs;
    this.messages = messages;
    this.wallet = wallet;
    this.settings = settings;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(
      fixedDelayString = "${bharatbuild.chat.sweep-interval:30s}",
      initialDelayString = "${bharatbuild.chat.sweep-interval:30s}")
  void sweep() {
    jobs.runExclusively(
        "interrupted-replies", Duration.ofMinutes(1), SWEEP_HELD, this::markInterrupted);
  }

  void markInterrupted() {
    List<UUID> interrupted = messages.markInterrupted(clock.instant().minus(settings.staleAfter()));
    // what the provider counted for them died with their instance; only the hold is released
    interrupted.forEach(wallet::releaseReservation);
    if (!interrupted.isEmpty()) {
      log.warn("Marked {} replies interrupted: their server stopped", interrupted.size());
    }
  }
}
