package com.bharatbuild.projects;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api;
import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.HttpTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class FileHttpTest extends HttpTest {

  private static final int MIB = 1024 * 1024;

  @Autowired JdbcClient jdbc;

  private Session session;
  private String files;

  @BeforeEach
  void project() {
    session = api.register();
    UUID projectId = api.createProject(session, "files");
    files = "/api/v1/projects/" + projectId + "/files";
  }

  @Test
  void createReadAndListFiles() {
    Response created = create("src/App.tsx", "export const App = () => null;\n");
    create("README.md", "# Hi");
    create("package.json", "{}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("path").asString()).isEqualTo("src/App.tsx");
    assertThat(created.json().get("language").asString()).isEqualTo("typescript");
    assertThat(created.json().get("size").asInt()).isEqualTo(31);
    assertThat(created.json().get("version").asInt()).isEqualTo(1);

    Response read = api.get(files + "?path=src/App.tsx", token());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("content").asString()).isEqualTo("export const App = () => null;\n");

    Response list = api.get(files, token());
    List<String> paths = new ArrayList<>();
    list.json()
        .forEach(
            file -> {
              paths.add(file.get("path").asString());
              assertThat(file.has("content")).isFalse();
            });
    assertThat(paths).containsExactly("README.md", "package.json", "src/App.tsx");
    assertThat(list.json().get(0).get("language").asString()).isEqualTo("markdown");
  }

  @Test
  void creatingAnExistingFileIsAConflictAndChangesNothing() {
    create("a.txt", "original");

    Response again = create("a.txt", "replacement");

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("code").asString()).isEqualTo("file-exists");
    assertThat(content("a.txt")).isEqualTo("original");
  }

  @Test
  void putCreatesAbsentFilesAndUpdatesWithVersionChecks() {
    Response createdByPut = put("notes.txt", "one", null);
    assertThat(createdByPut.status()).isEqualTo(200);
    assertThat(createdByPut.json().get("version").asInt()).isEqualTo(1);

    Response second = put("notes.txt", "two", 1);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().get("version").asInt()).isEqualTo(2);
    assertThat(second.json().get("size").asInt()).isEqualTo(3);

    Response stale = put("notes.txt", "three from a stale tab", 1);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().get("code").asString()).isEqualTo("version-conflict");
    assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(2);
    assertThat(content("notes.txt")).isEqualTo("two");

    Response unconditional = put("notes.txt", "three", null);
    assertThat(unconditional.json().get("version").asInt()).isEqualTo(3);
  }

  @Test
  void anExpectedVersionOfAnAbsentFileIsAConflict() {
    Response response = put("ghost.txt", "boo", 4);

    assertThat(response.status()).isEqualTo(409);
    assertThat(api.get(files + "?path=ghost.txt", token()).status()).isEqualTo(404);
  }

  @Test
  void everyChangeIsKeptInTheHistory() {
    put("h.txt", "v1", null);
    put("h.txt", "v2", 1);
    api.delete(files + "?path=h.txt", token());
    Response recreated = put("h.txt", "v4", null);

    assertThat(recreated.json().get("version").asInt())
        .as("versions keep counting after a delete, so stale clients cannot match")
        .isEqualTo(4);
    List<String> history =
        jdbc.sql(
                """
                SELECT v.version, v.change_type, v.content, v.author FROM file_versions v
                JOIN projects p ON p.id = v.project_id
                WHERE p.user_id = :user AND v.path = 'h.txt' ORDER BY v.version
                """)
            .param("user", session.userId())
            .query(
                (rs, n) ->
                    rs.getInt(1)
                        + ":"
                        + rs.getString(2)
                        + ":"
                        + rs.getString(3)
                        + ":"
                        + rs.getString(4))
            .list();
    assertThat(history)
        .containsExactly(
            "1:create:v1:user", "2:update:v2:user", "3:delete:null:user", "4:create:v4:user");
  }

  @Test
  void writingTheSameContentMakesNoNewVersion() {
    put("same.txt", "x", null);

    Response again = put("same.txt", "x", 1);

    assertThat(again.json().get("version").asInt()).isEqualTo(1);
  }

  @Test
  void deleteRemovesTheFile() {
    create("gone.txt", "bye");

    assertThat(api.delete(files + "?path=gone.txt", token()).status()).isEqualTo(204);
    assertThat(api.get(files + "?path=gone.txt", token()).status()).isEqualTo(404);
    Response again = api.delete(files + "?path=gone.txt", token());
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.json().get("code").asString()).isEqualTo("file-not-found");
  }

  @Test
  void renameMovesTheContentAndRefusesWhatWouldLoseAFile() {
    create("src/old.ts", "export const x = 1\n");
    create("src/taken.ts", "keep me\n");

    Response moved =
        api.post(files + "/rename", Map.of("from", "src/old.ts", "to", "lib/new.ts"), token());
    Response onto =
        api.post(files + "/rename", Map.of("from", "lib/new.ts", "to", "src/taken.ts"), token());
    Response missing =
        api.post(files + "/rename", Map.of("from", "nope.ts", "to", "other.ts"), token());
    Response escape =
        api.post(files + "/rename", Map.of("from", "lib/new.ts", "to", "../out.ts"), token());
    Response stranger =
        api.post(
            files + "/rename",
            Map.of("from", "lib/new.ts", "to", "mine.ts"),
            api.register().accessToken());

    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().get("path").asString()).isEqualTo("lib/new.ts");
    assertThat(api.get(files + "?path=lib/new.ts", token()).json().get("content").asString())
        .isEqualTo("export const x = 1\n");
    assertThat(api.get(files + "?path=src/old.ts", token()).status()).isEqualTo(404);
    assertThat(onto.status()).isEqualTo(409);
    assertThat(api.get(files + "?path=src/taken.ts", token()).json().get("content").asString())
        .isEqualTo("keep me\n");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(escape.status()).isEqualTo(400);
    assertThat(stranger.status()).isEqualTo(404);
    assertThat(api.get(files + "?path=lib/new.ts", token()).status()).isEqualTo(200);
  }

  @Test
  void pathsAreNormalised() {
    Response created = create("./src//components/./Button.tsx", "x");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("path").asString()).isEqualTo("src/components/Button.tsx");
    assertThat(
            api.get(files + "?path=" + Api.encode("src/./components//Button.tsx"), token())
                .status())
        .isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../escape.txt",
        "src/../../escape.txt",
        "/etc/passwd",
        "C:/windows/system.ini",
        "src\\App.tsx",
        "bad\u0000name.txt",
        "bell\u0007.txt",
        "folder/",
        "",
        " ",
        "./"
      })
  void unsafePathsAreRejectedAndNothingIsWritten(String path) {
    Response post = create(path, "x");
    Response put = put(path, "x", null);

    assertThat(post.status()).isEqualTo(400);
    assertThat(put.status()).isEqualTo(400);
    assertThat(post.contentType()).startsWith("application/problem+json");
    assertThat(post.json().get("code").asString()).isEqualTo("invalid-path");
    assertThat(api.get(files, token()).json().size()).isZero();
  }

  @Test
  void pathsLongerThan500CharactersAreRejected() {
    String ok = "d/".repeat(249) + "ab";
    String tooLong = ok + "c";

    assertThat(create(ok, "x").status()).isEqualTo(201);
    assertThat(create(tooLong, "x").status()).isEqualTo(400);
  }

  @Test
  void fileContentIsLimitedToOneMebibyte() {
    Response exactly = create("big.txt", "a".repeat(MIB));
    Response over = create("bigger.txt", "a".repeat(MIB + 1));
    // 2-byte characters: half as many characters reach the same limit
    Response multiByte = create("wide.txt", "é".repeat(MIB / 2 + 1));

    assertThat(exactly.status()).isEqualTo(201);
    assertThat(exactly.json().get("size").asInt()).isEqualTo(MIB);
    assertThat(over.status()).isEqualTo(413);
    assertThat(over.json().get("code").asString()).isEqualTo("file-too-large");
    assertThat(multiByte.status()).isEqualTo(413);
    assertThat(api.get(files + "?path=bigger.txt", token()).status()).isEqualTo(404);
  }

  @Test
  void anOversizedUpdateLeavesTheFileAsItWas() {
    put("keep.txt", "precious", null);

    Response over = put("keep.txt", "a".repeat(MIB + 1), 1);

    assertThat(over.status()).isEqualTo(413);
    assertThat(content("keep.txt")).isEqualTo("precious");
  }

  @Test
  void requestBodiesAboveTheLimitAreRefusedBeforeReading() {
    Map<String, Object> body = new HashMap<>();
    body.put("path", "huge.txt");
    body.put("content", "a".repeat(9 * MIB));

    Response response =
        api.sendRaw(
            "POST",
            files,
            BodyPublishers.ofString(Api.json(body)),
            "application/json",
            token(),
            Map.of());

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void unicodeContentSurvivesTheRoundTrip() {
    String text = "नमस्ते दुनिया 👋\r\nline two\ttabbed\n";

    create("hello.txt", text);

    assertThat(content("hello.txt")).isEqualTo(text);
  }

  @Test
  void aMissingContentIsAValidationError() {
    Response response = api.post(files, Map.of("path", "x.txt"), token());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("content");
  }

  private Response create(String path, String content) {
    return api.post(files, Map.of("path", path, "content", content), token());
  }

  private Response put(String path, String content, Integer expectedVersion) {
    Map<String, Object> body = new HashMap<>();
    body.put("path", path);
    body.put("content", content);
    body.put("expectedVersion", expectedVersion);
    return api.put(files, body, token());
  }

  private String content(String path) {
    return api.get(files + "?path=" + Api.encode(path), token()).json().get("content").asString();
  }

  private String token() {
    return session.accessToken();
  }
}
