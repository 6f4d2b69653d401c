package com.bharatbuild.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api;
import com.bharatbuild.support.HttpTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The conversation a prompt is built from, read from the real database. */
class ChatMessagesDatabaseTest extends HttpTest {

  private static final OffsetDateTime T0 =
      OffsetDateTime.of(2026, 11, 29, 9, 0, 0, 0, ZoneOffset.UTC);

  @Autowired ChatMessages messages;

  private UUID user;
  private UUID project;

  private void newProject() {
    Api.Session session = api.register();
    user = session.userId();
    project = api.createProject(session, "history");
  }

  private MessageView save(int second, String role, String content, String status, UUID replyTo) {
    MessageView message =
        new MessageView(
            UUID.randomUUID(),
            role,
            content,
            List.of(),
            List.of(),
            0,
            status,
            replyTo,
            T0.plusSeconds(second));
    messages.insert(user, project, message, null, null);
    return message;
  }

  /** A question and its answer at the same second, as a reply is saved with its question. */
  private List<String> exchange(int second, String answer, String status) {
    MessageView question = save(second, "user", "question " + second, "complete", null);
    save(second, "assistant", answer, status, question.id());
    return List.of("question " + second, answer);
  }

  @Test
  void theNewestUsableMessagesComeOldestFirstSkippingUnfinishedAndEmptyOnes() {
    newProject();
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      all.addAll(exchange(i, "answer " + i, "complete"));
    }
    // the newest ones: one with nothing said, one still streaming
    all.add("question 30");
    exchange(30, "  \n", "cancelled");
    all.add("question 31");
    exchange(31, "half an answer", "streaming");

    List<String> recent =
        messages.recentUsable(project, user, 20).stream().map(MessageView::content).toList();

    assertThat(recent).containsExactlyElementsOf(all.subList(all.size() - 20, all.size()));
    assertThat(recent.getLast()).isEqualTo("question 31");
    assertThat(recent).doesNotContain("half an answer", "  \n");
  }

  @Test
  void manyUnusableMessagesInARowAreSkippedAcrossPages() {
    newProject();
    exchange(0, "the only answer", "complete");
    for (int i = 1; i <= 40; i++) {
      save(i, "assistant", "", "error", null);
    }

    assertThat(messages.recentUsable(project, user, 5))
        .extracting(MessageView::content)
        .containsExactly("question 0", "the only answer");
  }

  @Test
  void anotherUsersMessagesInTheSameProjectAreNotRead() {
    newProject();
    exchange(0, "mine", "complete");

    assertThat(messages.recentUsable(project, UUID.randomUUID(), 20)).isEmpty();
  }
}
