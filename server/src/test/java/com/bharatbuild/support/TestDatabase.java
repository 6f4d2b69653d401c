package com.bharatbuild.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * The database an integration test runs on: H2 by default, PostgreSQL when the build runs the
 * {@code postgres} pass ({@code -Dbharatbuild.test.database=postgres}) with {@code
 * TEST_DATABASE_URL} set. Each JVM gets its own PostgreSQL schema, dropped when the JVM ends, so
 * runs never see each other's rows or migrations.
 */
public final class TestDatabase {

  public static final String SELECTOR = "bharatbuild.test.database";
  public static final String URL_VARIABLE = "TEST_DATABASE_URL";

  private static final String RUN_ID =
      UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private static final Path DATA_DIR = createDataDir();

  private TestDatabase() {}

  public static boolean postgresSelected() {
    return "postgres".equalsIgnoreCase(System.getProperty(SELECTOR, "h2"));
  }

  public static String postgresUrl() {
    String url = System.getenv(URL_VARIABLE);
    return url == null ? "" : url.trim();
  }

  public static String name() {
    return postgresSelected() ? "PostgreSQL" : "H2";
  }

  public static Path dataDir() {
    return DATA_DIR;
  }

  static void register(DynamicPropertyRegistry registry) {
    registry.add("bharatbuild.data-dir", () -> DATA_DIR.toString());
    if (postgresSelected()) {
      String schema = "bbtest_" + RUN_ID;
      String jdbcUrl = jdbcUrl(postgresUrl());
      registry.add("spring.datasource.url", () -> withSchema(jdbcUrl, schema));
      registry.add("spring.flyway.schemas", () -> schema);
      registry.add("spring.flyway.create-schemas", () -> "true");
      // the test context cache keeps many servers open at once: each may hold few idle connections,
      // or together they exhaust PostgreSQL's 100
      registry.add("spring.datasource.hikari.maximum-pool-size", () -> "6");
      registry.add("spring.datasource.hikari.minimum-idle", () -> "0");
      registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
      registry.add(
          "bharatbuild.auth.jwt-secret", () -> "test-secret-test-secret-test-secret-0123456789");
      dropOnExit(jdbcUrl, schema);
    } else {
      registry.add(
          "spring.datasource.url",
          () ->
              "jdbc:h2:mem:bb"
                  + RUN_ID
                  + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=256;DB_CLOSE_DELAY=-1");
    }
  }

  public static String jdbcUrl(String url) {
    if (url.startsWith("jdbc:")) {
      return url;
    }
    // postgresql://user@host:port/db as the CI script exports it
    String rest = url.substring(url.indexOf("://") + 3);
    String user = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      user = rest.substring(0, at);
      rest = rest.substring(at + 1);
    }
    String jdbc = "jdbc:postgresql://" + rest;
    if (user != null) {
      String[] parts = user.split(":", 2);
      jdbc += (jdbc.contains("?") ? "&" : "?") + "user=" + parts[0];
      if (parts.length == 2) {
        jdbc += "&password=" + parts[1];
      }
    }
    return jdbc;
  }

  public static String withSchema(String jdbcUrl, String schema) {
    return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static void dropOnExit(String jdbcUrl, String schema) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Connection connection = DriverManager.getConnection(jdbcUrl);
                      Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                  } catch (Exception e) {
                    System.err.println("Could not drop test schema " + schema + ": " + e);
                  }
                }));
  }

  private static Path createDataDir() {
    try {
      Path dir =
          Files.createTempDirectory(
              "bharatbuild-test-" + System.getProperty(SELECTOR, "h2").toLowerCase(Locale.ROOT));
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(dir.toFile())));
      return dir;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
