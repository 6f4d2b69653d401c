package com.bharatbuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api;
import com.bharatbuild.support.HttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Kubernetes deployment's setup: the actuator on a port of its own, which only the cluster
 * reaches. There the scrape and the probes answer without credentials; the public port serves
 * neither.
 */
class ManagementPortHttpTest extends HttpTest {

  @LocalManagementPort private int managementPort;

  @DynamicPropertySource
  static void managementPort(DynamicPropertyRegistry registry) {
    registry.add("management.server.port", () -> "0");
  }

  @Test
  void theScrapeAndTheProbesAnswerOnTheManagementPortOnly() {
    Api management = new Api("http://127.0.0.1:" + managementPort);

    Api.Response scrape = management.get("/actuator/prometheus", null);
    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.body()).contains("bharatbuild_chat_streams_active");
    assertThat(management.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    assertThat(management.get("/actuator/health/liveness", null).status()).isEqualTo(200);

    assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(404);
    assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(404);
  }
}
