package com.bharatbuild.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.GitHttpBackend;
import com.bharatbuild.support.HttpTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/** Pushing a project's history to a git server over HTTP (git's own http-backend on loopback). */
@TestPropertySource(properties = "bharatbuild.import.allow-local-urls=true")
@ExtendWith(OutputCaptureExtension.class)
class ProjectPushHttpTest extends HttpTest {

  private static final String TOKEN = "ghp_secretPushToken123";

  @TempDir Path remotes;
  private GitHttpBackend server;

  @BeforeEach
  void startGitServer() throws Exception {
    server = new GitHttpBackend(remotes, TOKEN);
  }

  @AfterEach
  void stopGitServer() {
    server.close();
  }

  private Path bareRemote(String name) throws Exception {
    Path folder = remotes.resolve(name);
    Git.init().setBare(true).setDirectory(folder.toFile()).setInitialBranch("main").call().close();
    return folder;
  }

  private static List<String> messages(Path bare, String branch) throws Exception {
    try (Repository repository = new FileRepositoryBuilder().setGitDir(bare.toFile()).build();
        Git git = Git.wrap(repository)) {
      ObjectId head = repository.resolve("refs/heads/" + branch);
      List<String> messages = new ArrayList<>();
      if (head != null) {
        for (RevCommit commit : git.log().add(head).call()) {
          messages.add(commit.getShortMessage());
        }
      }
      return messages;
    }
  }

  private static String fileAt(Path bare, String branch, String path) throws Exception {
    Path checkout = Files.createTempDirectory("push-check");
    try (Git git =
        Git.cloneRepository()
            .setURI(bare.toUri().toString())
            .setBranch(branch)
            .setDirectory(checkout.toFile())
            .call()) {
      return Files.readString(checkout.resolve(path));
    }
  }

  private Response push(Session session, UUID project, Map<String, String> body) {
    return api.post("/api/v1/projects/" + project + "/push", body, session.accessToken());
  }

  private void save(Session session, UUID project, String path, String content) {
    Response saved =
        api.put(
            "/api/v1/projects/" + project + "/files",
            Map.of("path", path, "content", content),
            session.accessToken());
    assertThat(saved.status()).as(saved.body()).isIn(200, 201);
  }

  @Test
  void theHistoryReachesTheRemoteAndLaterPushesFastForward(CapturedOutput output) throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "Pushed");
    save(session, project, "src/index.js", "console.log('one')\n");
    Path remote = bareRemote("pushed.git");
    Map<String, String> body =
        Map.of("url", server.url("pushed.git"), "branch", "main", "token", TOKEN);

    Response first = push(session, project, body);

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().get("upToDate").asBoolean()).isFalse();
    assertThat(fileAt(remote, "main", "src/index.js")).isEqualTo("console.log('one')\n");
    String firstCommit = first.json().get("commit").asString();
    assertThat(messages(remote, "main")).isNotEmpty();

    save(session, project, "src/index.js", "console.log('two')\n");
    Response second = push(session, project, body);
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.json().get("commit").asString()).isNotEqualTo(firstCommit);
    assertThat(fileAt(remote, "main", "src/index.js")).isEqualTo("console.log('two')\n");

    Response again = push(session, project, body);
    assertThat(again.json().get("upToDate").asBoolean()).isTrue();

    assertThat(server.authorizations()).isNotEmpty();
    assertThat(output.getAll()).doesNotContain(TOKEN);
  }

  @Test
  void aRemoteBranchWithCommitsOfItsOwnIsNotOverwritten() throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "Diverged");
    save(session, project, "a.txt", "ours\n");
    Path remote = bareRemote("diverged.git");
    Path elsewhere = Files.createTempDirectory("elsewhere");
    try (Git git = Git.init().setDirectory(elsewhere.toFile()).setInitialBranch("main").call()) {
      Files.writeString(elsewhere.resolve("a.txt"), "theirs\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("their work").setSign(false).call();
      git.push().setRemote(remote.toUri().toString()).add("main").call();
    }

    Response refused =
        push(
            session,
            project,
            Map.of("url", server.url("diverged.git"), "branch", "main", "token", TOKEN));

    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.json().get("code").asString()).isEqualTo("push-rejected");
    assertThat(messages(remote, "main")).containsExactly("their work");

    Response toNewBranch =
        push(
            session,
            project,
            Map.of("url", server.url("diverged.git"), "branch", "bharatbuild", "token", TOKEN));
    assertThat(toNewBranch.status()).as(toNewBranch.body()).isEqualTo(200);
    assertThat(fileAt(remote, "bharatbuild", "a.txt")).isEqualTo("ours\n");
  }

  @Test
  void badRequestsAreRefusedWithTheReason(CapturedOutput output) throws Exception {
    Session session = api.register();
    UUID project = api.createProject(session, "Refused");
    save(session, project, "a.txt", "a\n");
    bareRemote("refused.git");
    String url = server.url("refused.git");

    Response wrongToken =
        push(session, project, Map.of("url", url, "branch", "main", "token", "wrong-token-456"));
    assertThat(wrongToken.status()).as(wrongToken.body()).isEqualTo(422);
    assertThat(wrongToken.json().get("code").asString()).isEqualTo("remote-not-authorized");
    assertThat(wrongToken.body()).doesNotContain("wrong-token-456");

    Response noToken = push(session, project, Map.of("url", url, "branch", "main"));
    assertThat(noToken.status()).as(noToken.body()).isEqualTo(422);

    Response badBranch =
        push(session, project, Map.of("url", url, "branch", "main..x", "token", TOKEN));
    assertThat(badBranch.status()).as(badBranch.body()).isEqualTo(400);
    assertThat(badBranch.json().get("code").asString()).isEqualTo("bad-branch");

    for (String address :
        new String[] {
          "ssh://git@example.com/repo.git",
          "http://example.com/repo.git",
          "https://user:" + TOKEN + "@example.com/repo.git"
        }) {
      Response refused =
          push(session, project, Map.of("url", address, "branch", "main", "token", TOKEN));
      assertThat(refused.status()).as(address).isEqualTo(400);
      assertThat(refused.json().get("code").asString()).isEqualTo("bad-remote-address");
      assertThat(refused.body()).doesNotContain(TOKEN);
    }

    Response unreachable =
        push(
            session,
            project,
            Map.of("url", "http://127.0.0.1:1/none.git", "branch", "main", "token", TOKEN));
    assertThat(unreachable.status()).as(unreachable.body()).isEqualTo(502);

    Session stranger = api.register();
    Response foreign =
        push(stranger, project, Map.of("url", url, "branch", "main", "token", TOKEN));
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(messages(remotes.resolve("refused.git"), "main")).isEmpty();
    assertThat(output.getAll()).doesNotContain(TOKEN).doesNotContain("wrong-token-456");
  }
}
