package com.bharatbuild.support;

import com.bharatbuild.BharatBuildApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests that talk to a started server over real HTTP. The build runs them
 * twice: on H2, and on PostgreSQL when {@code TEST_DATABASE_URL} is set.
 */
@ExtendWith(RequiresSelectedDatabase.class)
@SpringBootTest(
    classes = BharatBuildApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HttpTest {

  @LocalServerPort private int port;

  protected Api api;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
  }

  @BeforeEach
  void connect() {
    api = new Api("http://127.0.0.1:" + port);
  }
}
