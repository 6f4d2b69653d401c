package com.bharatbuild.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.HttpTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Starting a project from a git repository (a local one, allowed for tests only). */
@TestPropertySource(properties = "bharatbuild.import.allow-local-urls=true")
class GitImportHttpTest extends HttpTest {

  @TempDir Path repositories;

  private Path repository(String name, Map<String, String> files) throws Exception {
    Path folder = repositories.resolve(name);
    try (Git git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call()) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path path = folder.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue());
      }
      git.add().addFilepattern(".").call();
      git.commit().setMessage("first").setSign(false).call();
    }
    return folder;
  }

  private int projectCount(Session session) {
    return api.get("/api/v1/projects", session.accessToken()).json().size();
  }

  @Test
  void aCloneGivesTheTreeAtHead() throws Exception {
    Session session = api.register();
    Path repository =
        repository("shop", Map.of("README.md", "# Shop\n", "src/index.js", "console.log('hi')\n"));

    Response imported =
        api.post(
            "/api/v1/projects/import/git",
            Map.of("url", repository.toUri().toString()),
            session.accessToken());

    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(imported.json().get("name").asString()).isEqualTo("shop");
    JsonNode files =
        api.get(
                "/api/v1/projects/" + imported.json().get("id").asString() + "/files",
                session.accessToken())
            .json();
    assertThat(files.findValuesAsString("path")).containsExactly("README.md", "src/index.js");
  }

  @Test
  void unsafeAddressesAndLinksAreRefusedWithNothingWritten() throws Exception {
    Session session = api.register();
    Path linked = repository("linked", Map.of("a.txt", "a"));
    Files.createSymbolicLink(linked.resolve("escape"), Path.of("/etc"));
    try (Git git = Git.open(linked.toFile())) {
      git.add().addFilepattern("escape").call();
      git.commit().setMessage("link").setSign(false).call();
    }

    for (String url :
        new String[] {
          "http://example.com/repo.git",
          "https://user:secret@example.com/repo.git",
          "ssh://git@example.com/repo.git",
          linked.toUri().toString()
        }) {
      Response refused =
          api.post("/api/v1/projects/import/git", Map.of("url", url), session.accessToken());
      assertThat(refused.status()).as(url + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.body()).doesNotContain("secret");
    }
    assertThat(projectCount(session)).isZero();
  }
}
