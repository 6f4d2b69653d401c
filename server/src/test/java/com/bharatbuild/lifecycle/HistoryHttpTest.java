package com.bharatbuild.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.EventStream;
import com.bharatbuild.support.HttpTest;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The project's git history through the API, on the offline demo model. */
class HistoryHttpTest extends HttpTest {

  private JsonNode commits(Session session, UUID project) {
    return api.get("/api/v1/projects/" + project + "/commits", session.accessToken()).json();
  }

  private JsonNode awaitCommits(Session session, UUID project, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    JsonNode commits = commits(session, project);
    while (commits.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
      commits = commits(session, project);
    }
    return commits;
  }

  private Map<String, String> files(Session session, UUID project) {
    Map<String, String> contents = new TreeMap<>();
    for (JsonNode file :
        api.get("/api/v1/projects/" + project + "/files", session.accessToken()).json()) {
      String path = file.get("path").asString();
      contents.put(
          path,
          api.get("/api/v1/projects/" + project + "/files?path=" + path, session.accessToken())
              .json()
              .get("content")
              .asString());
    }
    return contents;
  }

  private void save(Session session, UUID project, String path, String content) {
    Response saved =
        api.put(
            "/api/v1/projects/" + project + "/files",
            Map.of("path", path, "content", content),
            session.accessToken());
    assertThat(saved.status()).isIn(200, 201);
  }

  @Test
  void anAiTurnIsOneCommitAndItsRevertAnother() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "history");
    save(session, project, "README.md", "# History\n");
    awaitCommits(session, project, 1);
    Map<String, String> before = files(session, project);

    String replyId;
    try (EventStream stream =
        EventStream.open(
            api.url("/api/v1/chat/stream"),
            Map.of("projectId", project.toString(), "message", "Create a counter app"),
            session.accessToken(),
            Map.of())) {
      replyId = stream.readAll().getFirst().data().get("messageId").asString();
    }
    JsonNode afterTurn = awaitCommits(session, project, 2);

    assertThat(afterTurn).hasSize(2);
    JsonNode turn = afterTurn.get(0);
    assertThat(turn.get("author").asString()).isEqualTo("assistant");
    assertThat(turn.get("messageId").asString()).isEqualTo(replyId);
    assertThat(turn.get("message").asString()).isEqualTo("AI: Create a counter app");
    String diff =
        api.get(
                "/api/v1/projects/" + project + "/commits/" + turn.get("id").asString() + "/diff",
                session.accessToken())
            .body();
    assertThat(diff).contains("+++ b/package.json").contains("+++ b/src/App.tsx");

    Response reverted =
        api.post(
            "/api/v1/chat/messages/" + replyId + "/revert",
            Map.of("force", false),
            session.accessToken());
    assertThat(reverted.status()).as(reverted.body()).isEqualTo(200);
    JsonNode afterRevert = awaitCommits(session, project, 3);

    assertThat(afterRevert).hasSize(3);
    assertThat(afterRevert.get(0).get("message").asString())
        .isEqualTo("Revert the AI reply " + replyId);
    assertThat(files(session, project)).isEqualTo(before);
  }

  @Test
  void aSaveThatChangesNothingMakesNoCommit() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "no-op");
    save(session, project, "a.txt", "same");
    awaitCommits(session, project, 1);

    save(session, project, "a.txt", "same");
    Thread.sleep(300);

    JsonNode commits = commits(session, project);
    assertThat(commits).hasSize(1);
    assertThat(commits.get(0).get("message").asString()).isEqualTo("Save a.txt");
    assertThat(commits.get(0).get("author").asString()).isEqualTo("user");
  }

  @Test
  void anotherUsersHistoryIsNotFound() {
    Session owner = api.register();
    Session other = api.register();
    UUID project = api.createProject(owner, "private");

    assertThat(api.get("/api/v1/projects/" + project + "/commits", other.accessToken()).status())
        .isEqualTo(404);
    assertThat(
            api.get(
                    "/api/v1/projects/" + project + "/commits/" + "0".repeat(40) + "/diff",
                    owner.accessToken())
                .status())
        .isEqualTo(404);
  }
}
