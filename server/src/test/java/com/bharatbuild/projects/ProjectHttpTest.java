package com.bharatbuild.projects;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.HttpTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProjectHttpTest extends HttpTest {

  @Test
  void createThenReadAProject() {
    Session session = api.register();

    Response created =
        api.post(
            "/api/v1/projects",
            Map.of(
                "name", "  Shop  ",
                "description", "An online shop",
                "type", "react",
                "techStack", List.of("react", "vite", "react")),
            session.accessToken());

    assertThat(created.status()).isEqualTo(201);
    JsonNode project = created.json();
    assertThat(project.get("name").asString()).isEqualTo("Shop");
    assertThat(project.get("description").asString()).isEqualTo("An online shop");
    assertThat(project.get("type").asString()).isEqualTo("react");
    assertThat(project.get("techStack").toString()).isEqualTo("[\"react\",\"vite\"]");
    assertThat(project.get("status").asString()).isEqualTo("active");
    assertThat(project.get("createdAt").asString()).isEqualTo(project.get("updatedAt").asString());

    Response read =
        api.get("/api/v1/projects/" + project.get("id").asString(), session.accessToken());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("name").asString()).isEqualTo("Shop");
    assertThat(read.json().get("techStack").size()).isEqualTo(2);
  }

  @Test
  void theListShowsOnlyMyProjectsNewestFirst() {
    Session me = api.register();
    Session other = api.register();
    UUID first = api.createProject(me, "first");
    UUID second = api.createProject(me, "second");
    api.createProject(other, "not mine");

    Response list = api.get("/api/v1/projects", me.accessToken());

    assertThat(list.status()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    list.json().forEach(p -> ids.add(p.get("id").asString()));
    assertThat(ids).containsExactly(second.toString(), first.toString());
  }

  @Test
  void updateChangesTheFieldsAndTheTimestamp() {
    Session session = api.register();
    UUID id = api.createProject(session, "draft");

    Response updated =
        api.put(
            "/api/v1/projects/" + id,
            Map.of("name", "final", "type", "node", "techStack", List.of("express")),
            session.accessToken());

    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("name").asString()).isEqualTo("final");
    assertThat(updated.json().get("type").asString()).isEqualTo("node");
    assertThat(updated.json().get("techStack").get(0).asString()).isEqualTo("express");
    assertThat(Instant.parse(updated.json().get("updatedAt").asString()))
        .isAfter(Instant.parse(updated.json().get("createdAt").asString()));
  }

  @Test
  void invalidProjectsAreRejectedWithTheField() {
    Session session = api.register();

    Response blank = api.post("/api/v1/projects", Map.of("name", " "), session.accessToken());
    Response badType =
        api.post(
            "/api/v1/projects",
            Map.of("name", "x", "type", "React Native!"),
            session.accessToken());

    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
    assertThat(badType.status()).isEqualTo(400);
    assertThat(badType.json().get("errors").get(0).get("field").asString()).isEqualTo("type");
    assertThat(api.get("/api/v1/projects", session.accessToken()).json().size()).isZero();
  }

  @Test
  void anotherUsersProjectDoesNotExistForMe() {
    Session owner = api.register();
    Session stranger = api.register();
    UUID id = api.createProject(owner, "private");
    String token = stranger.accessToken();

    assertThat(api.get("/api/v1/projects/" + id, token).status()).isEqualTo(404);
    assertThat(api.put("/api/v1/projects/" + id, Map.of("name", "mine now"), token).status())
        .isEqualTo(404);
    assertThat(api.delete("/api/v1/projects/" + id, token).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/projects/" + id + "/files", token).status()).isEqualTo(404);
    assertThat(
            api.post(
                    "/api/v1/projects/" + id + "/files",
                    Map.of("path", "x.txt", "content", "x"),
                    token)
                .status())
        .isEqualTo(404);
    assertThat(
            api.put(
                    "/api/v1/projects/" + id + "/files",
                    Map.of("path", "x.txt", "content", "x"),
                    token)
                .status())
        .isEqualTo(404);
    assertThat(api.delete("/api/v1/projects/" + id + "/files?path=x.txt", token).status())
        .isEqualTo(404);

    Response ownersView = api.get("/api/v1/projects/" + id, owner.accessToken());
    assertThat(ownersView.json().get("name").asString()).isEqualTo("private");
    assertThat(api.get("/api/v1/projects/" + id + "/files", owner.accessToken()).json().size())
        .isZero();
  }

  @Test
  void deletingAProjectTakesItsFilesAlong() {
    Session session = api.register();
    UUID id = api.createProject(session, "doomed");
    api.post(
        "/api/v1/projects/" + id + "/files",
        Map.of("path", "a.txt", "content", "a"),
        session.accessToken());

    Response deleted = api.delete("/api/v1/projects/" + id, session.accessToken());

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get("/api/v1/projects/" + id, session.accessToken()).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/projects/" + id + "/files", session.accessToken()).status())
        .isEqualTo(404);
    assertThat(api.delete("/api/v1/projects/" + id, session.accessToken()).status()).isEqualTo(404);
  }

  @Test
  void aMalformedIdIsABadRequest() {
    Session session = api.register();

    Response response = api.get("/api/v1/projects/not-a-uuid", session.accessToken());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }
}
