package com.bharatbuild.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class DatabaseEnvironmentPostProcessorTest {

  private final DatabaseEnvironmentPostProcessor processor = new DatabaseEnvironmentPostProcessor();

  @Test
  void platformStyleUrlsBecomeJdbcWithCredentials() {
    Map<String, Object> properties =
        DatabaseEnvironmentPostProcessor.fromDatabaseUrl(
            "postgresql://admin:p%40ss%3Aword@db.internal:6543/bharatbuild?sslmode=require");

    assertThat(properties)
        .containsEntry(
            "spring.datasource.url",
            "jdbc:postgresql://db.internal:6543/bharatbuild?sslmode=require")
        .containsEntry("spring.datasource.username", "admin")
        .containsEntry("spring.datasource.password", "p@ss:word");
  }

  @Test
  void theDefaultPortIsFilledIn() {
    assertThat(DatabaseEnvironmentPostProcessor.fromDatabaseUrl("postgres://u@h/db"))
        .containsEntry("spring.datasource.url", "jdbc:postgresql://h:5432/db")
        .doesNotContainKey("spring.datasource.password");
  }

  @Test
  void jdbcUrlsPassThrough() {
    assertThat(DatabaseEnvironmentPostProcessor.fromDatabaseUrl("jdbc:postgresql://h/db"))
        .containsEntry("spring.datasource.url", "jdbc:postgresql://h/db");
  }

  @Test
  void otherSchemesAreRefusedWithAReason() {
    assertThatThrownBy(() -> DatabaseEnvironmentPostProcessor.fromDatabaseUrl("mysql://h/db"))
        .hasMessageContaining("postgresql://");
  }

  @Test
  void withNothingSetTheEmbeddedDatabaseLivesInTheDataDirectory() {
    MockEnvironment environment =
        new MockEnvironment().withProperty("bharatbuild.data-dir", "rel/data");

    processor.postProcessEnvironment(environment, new SpringApplication());

    String expectedFile =
        Path.of("rel/data").toAbsolutePath().normalize().resolve("db/bharatbuild").toString();
    assertThat(environment.getProperty("spring.datasource.url"))
        .startsWith("jdbc:h2:file:" + expectedFile + ";MODE=PostgreSQL");
    assertThat(environment.getProperty("bharatbuild.database.embedded")).isEqualTo("true");
  }

  @Test
  void databaseUrlWinsAndMarksTheDatabaseShared() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("DATABASE_URL", "postgresql://u:p@h:5432/db")
            .withProperty("spring.datasource.url", "jdbc:h2:mem:ignored");

    processor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("spring.datasource.url"))
        .isEqualTo("jdbc:postgresql://h:5432/db");
    assertThat(environment.getProperty("bharatbuild.database.embedded")).isEqualTo("false");
  }
}
