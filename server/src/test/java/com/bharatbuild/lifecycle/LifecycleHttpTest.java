package com.bharatbuild.lifecycle;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.HttpTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Templates, zip import with every hostile kind refused, and export, through the API. */
@TestPropertySource(
    properties = {
      "bharatbuild.import.max-entries=50",
      "bharatbuild.import.max-total=3MB",
      "bharatbuild.import.max-file=1MB"
    })
class LifecycleHttpTest extends HttpTest {

  private static final String BOUNDARY = "bharatbuild-test-boundary";

  private Response upload(Session session, byte[] zip, String fileName) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/zip\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(zip);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return api.sendRaw(
        "POST",
        "/api/v1/projects/import",
        BodyPublishers.ofByteArray(body.toByteArray()),
        "multipart/form-data; boundary=" + BOUNDARY,
        session.accessToken(),
        Map.of());
  }

  private byte[] export(Session session, UUID project) throws Exception {
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(api.url("/api/v1/projects/" + project + "/export")))
                    .header("Authorization", "Bearer " + session.accessToken())
                    .build(),
                BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/zip");
    return response.body();
  }

  private static Map<String, String> unzip(byte[] zip) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private int projectCount(Session session) {
    return api.get("/api/v1/projects", session.accessToken()).json().size();
  }

  @Test
  void theTemplatesAreListedAndAProjectStartsFromOne() {
    Session session = api.register();
    JsonNode templates = api.get("/api/v1/templates", session.accessToken()).json();

    assertThat(templates.findValuesAsString("id"))
        .contains("react-vite-ts", "node-express", "python-flask", "java-spring-boot");
    Response created =
        api.post(
            "/api/v1/projects",
            Map.of("name", "From a template", "templateId", "react-vite-ts"),
            session.accessToken());
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("type").asString()).isEqualTo("react");
    String files =
        api.get(
                "/api/v1/projects/" + created.json().get("id").asString() + "/files",
                session.accessToken())
            .body();
    assertThat(files).contains("package.json", "src/App.tsx", ".bharatbuild/rules.md");
  }

  @Test
  void anUnknownTemplateCreatesNothing() {
    Session session = api.register();

    Response refused =
        api.post(
            "/api/v1/projects",
            Map.of("name", "x", "templateId", "no-such-template"),
            session.accessToken());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("code").asString()).isEqualTo("template-not-found");
    assertThat(projectCount(session)).isZero();
  }

  @Test
  void exportThenImportGivesTheSameFilesByteForByte() throws Exception {
    Session session = api.register();
    UUID original =
        UUID.fromString(
            api.post(
                    "/api/v1/projects",
                    Map.of("name", "Round trip", "templateId", "node-express"),
                    session.accessToken())
                .json()
                .get("id")
                .asString());
    byte[] exported = export(session, original);

    Response imported = upload(session, exported, "Round trip.zip");

    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(imported.json().get("name").asString()).isEqualTo("Round trip");
    UUID copy = UUID.fromString(imported.json().get("id").asString());
    assertThat(unzip(export(session, copy))).isEqualTo(unzip(exported)).containsKey("server.js");
  }

  @Test
  void aTopFolderAndIgnoredFoldersAreDropped() throws Exception {
    Session session = api.register();
    Map<String, byte[]> entries = new TreeMap<>();
    entries.put("repo-main/src/a.ts", "export const a = 1\n".getBytes(StandardCharsets.UTF_8));
    entries.put("repo-main/node_modules/x/index.js", "x".getBytes(StandardCharsets.UTF_8));

    Response imported = upload(session, zip(entries), "repo-main.zip");

    assertThat(imported.status()).isEqualTo(201);
    String files =
        api.get(
                "/api/v1/projects/" + imported.json().get("id").asString() + "/files",
                session.accessToken())
            .body();
    assertThat(files).contains("\"src/a.ts\"").doesNotContain("node_modules");
  }

  @Test
  void theArchivesOwnGitignoreRulesApply() throws Exception {
    Session session = api.register();
    Map<String, byte[]> entries = new TreeMap<>();
    entries.put("shop/.gitignore", "*.log\n!keep.log\nsecrets/\n/local.txt\n".getBytes(UTF_8));
    entries.put("shop/app.log", "noise".getBytes(UTF_8));
    entries.put("shop/keep.log", "kept".getBytes(UTF_8));
    entries.put("shop/secrets/key.txt", "key".getBytes(UTF_8));
    entries.put("shop/local.txt", "top only".getBytes(UTF_8));
    entries.put("shop/web/local.txt", "not at the top".getBytes(UTF_8));
    entries.put("shop/web/.gitignore", "generated/\n!app.log\n".getBytes(UTF_8));
    entries.put("shop/web/app.log", "re-included below".getBytes(UTF_8));
    entries.put("shop/web/generated/out.js", "x".getBytes(UTF_8));
    entries.put("shop/web/src/main.ts", "export {}\n".getBytes(UTF_8));

    Response imported = upload(session, zip(entries), "shop.zip");

    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    JsonNode files =
        api.get(
                "/api/v1/projects/" + imported.json().get("id").asString() + "/files",
                session.accessToken())
            .json();
    assertThat(files.findValuesAsString("path"))
        .containsExactlyInAnyOrder(
            ".gitignore",
            "keep.log",
            "web/local.txt",
            "web/.gitignore",
            "web/app.log",
            "web/src/main.ts");
  }

  @Test
  void everyKindOfHostileArchiveIsRefusedWithNothingWritten() throws Exception {
    Session session = api.register();
    byte[] ok = "fine".getBytes(StandardCharsets.UTF_8);
    Map<String, byte[]> tooMany = new TreeMap<>();
    for (int i = 0; i < 51; i++) {
      tooMany.put("f" + i + ".txt", ok);
    }
    byte[] random = new byte[1_500_000];
    new Random(7).nextBytes(random);

    Map<String, byte[]> cases = new TreeMap<>();
    cases.put("parent", zip(Map.of("a.txt", ok, "../escape.txt", ok)));
    cases.put("absolute", zip(Map.of("/etc/passwd", ok)));
    cases.put("backslash", zip(Map.of("..\\escape.txt", ok)));
    cases.put("too many entries", zip(tooMany));
    cases.put("zip bomb", zip(Map.of("zeros.txt", new byte[2_500_000])));
    cases.put("bad name", zip(Map.of("bad\u0001name.txt", ok)));
    cases.put("big binary", zip(Map.of("blob.bin", random)));
    cases.put("link", linkZip());
    cases.put("not a zip", "not a zip at all".getBytes(StandardCharsets.UTF_8));

    for (Map.Entry<String, byte[]> hostile : cases.entrySet()) {
      Response refused = upload(session, hostile.getValue(), hostile.getKey() + ".zip");
      assertThat(refused.status()).as(hostile.getKey() + ": " + refused.body()).isIn(400, 413);
      assertThat(refused.json().get("detail").asString()).as(hostile.getKey()).isNotBlank();
    }
    assertThat(projectCount(session)).isZero();
  }

  @Test
  void anotherUsersProjectCannotBeExported() throws Exception {
    Session owner = api.register();
    Session other = api.register();
    UUID project = api.createProject(owner, "private");

    assertThat(api.get("/api/v1/projects/" + project + "/export", other.accessToken()).status())
        .isEqualTo(404);
  }

  private static byte[] linkZip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
      ZipArchiveEntry link = new ZipArchiveEntry("link-to-root");
      link.setUnixMode(0120777);
      out.putArchiveEntry(link);
      out.write("/".getBytes(StandardCharsets.UTF_8));
      out.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }
}
