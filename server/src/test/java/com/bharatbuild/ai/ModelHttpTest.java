package com.bharatbuild.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.HttpTest;
import org.junit.jupiter.api.Test;

class ModelHttpTest extends HttpTest {

  @Test
  void withoutAProviderOnlyTheLabelledDemoModelIsListed() {
    Response response = api.get("/api/v1/ai/models", api.register().accessToken());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().size()).isEqualTo(1);
    assertThat(response.json().get(0).get("id").asString()).isEqualTo("demo");
    assertThat(response.json().get(0).get("demo").asBoolean()).isTrue();
    assertThat(response.json().get(0).get("isDefault").asBoolean()).isTrue();
    assertThat(response.json().get(0).get("label").asString()).containsIgnoringCase("demo");
  }

  @Test
  void theModelListNeedsAnAccount() {
    assertThat(api.get("/api/v1/ai/models", null).status()).isEqualTo(401);
  }
}
