package com.bharatbuild.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.HttpTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reservation and settlement against the real database, including many replies at once. */
class TokenWalletDatabaseTest extends HttpTest {

  @Autowired TokenWallet wallet;
  @Autowired JdbcClient jdbc;

  /** Usage rows point at the assistant message they paid for, so the fixture makes real ones. */
  private UUID assistantMessage(Session session) {
    UUID project = api.createProject(session, "wallet");
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO chat_messages (id, user_id, project_id, role, content, status, created_at)
            VALUES (:id, :user, :project, 'assistant', '', 'streaming', CURRENT_TIMESTAMP)
            """)
        .param("id", id)
        .param("user", session.userId())
        .param("project", project)
        .update();
    return id;
  }

  @Test
  void settlingChargesExactlyTheReportedUsageOnce() {
    Session session = api.register();
    UUID message = assistantMessage(session);
    Reservation reservation = wallet.reserve(session.userId(), message, 1_000, 4_000);

    assertThat(reservation.amount()).isEqualTo(5_000);
    assertThat(wallet.balance(session.userId()).available()).isEqualTo(45_000);

    wallet.settle(reservation, 1_234, null);
    wallet.settle(reservation, 1_234, null);

    BalanceView after = wallet.balance(session.userId());
    assertThat(after.balance()).isEqualTo(50_000 - 1_234);
    assertThat(after.available()).isEqualTo(after.balance());
    assertThat(after.totalUsed()).isEqualTo(1_234);
    assertThat(wallet.history(session.userId(), "ai_usage", null, 0, 10).items())
        .singleElement()
        .satisfies(entry -> assertThat(entry.messageId()).isEqualTo(message));
  }

  @Test
  void theOutputBudgetShrinksToWhatTheBalanceCanPay() {
    Session session = api.register();
    Reservation big = wallet.reserve(session.userId(), UUID.randomUUID(), 1_000, 48_000);

    Reservation rest = wallet.reserve(session.userId(), UUID.randomUUID(), 500, 48_000);

    assertThat(big.maxOutputTokens()).isEqualTo(48_000);
    assertThat(rest.maxOutputTokens()).isEqualTo(1_000 - 500);
    assertThatThrownBy(() -> wallet.reserve(session.userId(), UUID.randomUUID(), 10, 1_000))
        .isInstanceOf(InsufficientTokens.class);
  }

  @Test
  void fiftyConcurrentRepliesOnOneWalletEndWithAnExactBalance() throws Exception {
    Session session = api.register();
    List<UUID> messages = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      messages.add(assistantMessage(session));
    }
    List<Future<Long>> replies = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 50; i++) {
        long usage = 100 + i;
        UUID message = messages.get(i);
        replies.add(
            pool.submit(
                () -> {
                  // 50 holds of 700 fit in the grant at once, so none may be refused
                  Reservation reservation = wallet.reserve(session.userId(), message, 200, 500);
                  wallet.settle(reservation, usage, null);
                  return usage;
                }));
      }
    }
    long charged = 0;
    for (Future<Long> reply : replies) {
      charged += reply.get();
    }

    BalanceView after = wallet.balance(session.userId());
    // 100 + 101 + ... + 149: every reply fits in the grant
    assertThat(charged).isEqualTo(50 * 100 + 49 * 50 / 2);
    assertThat(after.balance()).isEqualTo(50_000 - charged);
    assertThat(after.totalUsed()).isEqualTo(charged);
    assertThat(after.available()).isEqualTo(after.balance());
  }

  @Test
  void concurrentUsageAndCreditsOnOneWalletLoseNoUpdateAndMatchTheLedger() throws Exception {
    Session session = api.register();
    UUID admin = api.register().userId();
    List<UUID> messages = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      messages.add(assistantMessage(session));
    }
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 50; i++) {
        int n = i;
        pool.submit(
            () -> {
              if (n % 2 == 0) {
                Reservation reservation =
                    wallet.reserve(session.userId(), messages.get(n / 2), 100, 400);
                wallet.settle(reservation, 300, null);
              } else {
                wallet.adjust(admin, session.userId(), UUID.randomUUID(), 1_000, "credit " + n);
              }
              return null;
            });
      }
    }

    BalanceView after = wallet.balance(session.userId());
    assertThat(after.balance()).isEqualTo(50_000 - 25 * 300 + 25 * 1_000);
    assertThat(
            jdbc.sql("SELECT SUM(amount) FROM token_ledger WHERE user_id = :id")
                .param("id", session.userId())
                .query(Long.class)
                .single())
        .isEqualTo(after.balance());
    assertThat(wallet.reconcile().mismatches())
        .extracting(Mismatch::userId)
        .doesNotContain(session.userId());
  }

  @Test
  void anyMixOfGrantsUsageAndAdjustmentsKeepsTheBalanceEqualToTheLedger() {
    java.util.Random random = new java.util.Random(42);
    Session session = api.register();
    UUID admin = api.register().userId();
    long expected = 50_000;
    for (int step = 0; step < 60; step++) {
      switch (random.nextInt(3)) {
        case 0 -> {
          long amount = random.nextInt(2_000) - 1_000;
          if (amount != 0) {
            wallet.adjust(admin, session.userId(), UUID.randomUUID(), amount, "step " + step);
            expected += amount;
          }
        }
        case 1 -> {
          UUID message = UUID.randomUUID();
          try {
            Reservation reservation = wallet.reserve(session.userId(), message, 50, 500);
            long used = random.nextInt(400);
            wallet.settle(reservation, used, null);
            wallet.settle(reservation, used, null);
            expected -= used;
          } catch (InsufficientTokens refused) {
            // a low balance refuses the reply and charges nothing
          }
        }
        default -> {
          UUID adjustment = UUID.randomUUID();
          wallet.adjust(admin, session.userId(), adjustment, 250, "retried credit");
          wallet.adjust(admin, session.userId(), adjustment, 250, "retried credit");
          expected += 250;
        }
      }
      long balance = wallet.balance(session.userId()).balance();
      assertThat(balance).as("after step %d", step).isEqualTo(expected);
      assertThat(
              jdbc.sql("SELECT SUM(amount) FROM token_ledger WHERE user_id = :id")
                  .param("id", session.userId())
                  .query(Long.class)
                  .single())
          .as("the ledger after step %d", step)
          .isEqualTo(balance);
    }
  }

  @Test
  void concurrentRepliesNeverReserveMoreThanTheBalance() throws Exception {
    Session session = api.register();
    List<Future<Reservation>> attempts = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 50; i++) {
        attempts.add(
            pool.submit(
                () -> {
                  try {
                    return wallet.reserve(session.userId(), UUID.randomUUID(), 1_000, 4_000);
                  } catch (InsufficientTokens refused) {
                    return null;
                  }
                }));
      }
    }
    long reserved = 0;
    for (Future<Reservation> attempt : attempts) {
      Reservation reservation = attempt.get();
      reserved += reservation == null ? 0 : reservation.amount();
    }

    assertThat(reserved).isLessThanOrEqualTo(50_000);
    assertThat(wallet.balance(session.userId()).available()).isEqualTo(50_000 - reserved);
  }
}
