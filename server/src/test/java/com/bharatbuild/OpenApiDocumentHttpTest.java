package com.bharatbuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.HttpTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web client's API types are generated from {@code web/openapi.json}; this keeps that file
 * equal to what the server really serves. Run with {@code -Dbharatbuild.openapi.update=true} (or
 * {@code ./bharatbuild openapi}) to rewrite it after changing the API.
 */
class OpenApiDocumentHttpTest extends HttpTest {

  private static final Path COMMITTED = Path.of("../web/openapi.json");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void theCommittedDocumentMatchesTheServer() throws Exception {
    Response response = api.get("/v3/api-docs", null);
    assertThat(response.status()).isEqualTo(200);
    JsonNode live = withoutServers(response.json());

    if (Boolean.getBoolean("bharatbuild.openapi.update")) {
      Files.writeString(
          COMMITTED, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(live) + "\n");
    }

    JsonNode committed = JSON.readTree(Files.readString(COMMITTED));
    assertThat(committed)
        .as("web/openapi.json is stale: run ./bharatbuild openapi and commit the result")
        .isEqualTo(live);
    // at() answers a missing node, never null: check the document really describes the routes
    assertThat(live.at("/paths/~1api~1v1~1projects~1{projectId}~1files/put").isMissingNode())
        .isFalse();
    assertThat(live.at("/paths/~1api~1v1~1chat~1stream/post").isMissingNode()).isFalse();
  }

  private static JsonNode withoutServers(JsonNode document) {
    // the server URL carries the random test port
    ((tools.jackson.databind.node.ObjectNode) document).remove("servers");
    return document;
  }
}
