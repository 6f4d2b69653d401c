package com.bharatbuild.shared.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Chooses the database before the context starts: {@code DATABASE_URL} (either {@code
 * postgresql://user:pass@host:port/db}, as platforms hand it out, or a JDBC URL) wins; then
 * explicit {@code spring.datasource.url}; otherwise an H2 file database under the data directory,
 * so the app runs with nothing installed.
 *
 * <p>It also records whether the database is the embedded one in {@code
 * bharatbuild.database.embedded}, because a shared database must not run on a generated secret.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  static final String EMBEDDED_FLAG = "bharatbuild.database.embedded";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> derived = new HashMap<>();
    String databaseUrl = environment.getProperty("DATABASE_URL");
    if (StringUtils.hasText(databaseUrl)) {
      derived.putAll(fromDatabaseUrl(databaseUrl.trim()));
    } else if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
      Path dataDir = Path.of(environment.getProperty("bharatbuild.data-dir", "./data"));
      derived.put("spring.datasource.url", embeddedUrl(dataDir));
      derived.put("spring.datasource.username", "sa");
      derived.put("spring.datasource.password", "");
    }
    String url =
        (String)
            derived.getOrDefault(
                "spring.datasource.url", environment.getProperty("spring.datasource.url"));
    derived.put(EMBEDDED_FLAG, String.valueOf(url != null && url.startsWith("jdbc:h2:")));
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("bharatbuild-database", derived));
  }

  /**
   * The embedded database's URL. H2 parses every statement a connection prepares unless it is among
   * the last few that connection prepared (8 by default); the server uses far more than that, and
   * parsing was half the cost of locking a wallet row, so each connection keeps 256. A row lock is
   * waited for up to 10 s (1 s by default, which a burst of replies on one wallet outlasted).
   */
  static String embeddedUrl(Path dataDir) {
    Path file = dataDir.toAbsolutePath().normalize().resolve("db").resolve("bharatbuild");
    return "jdbc:h2:file:"
        + file
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=256;LOCK_TIMEOUT=10000";
  }

  static Map<String, Object> fromDatabaseUrl(String databaseUrl) {
    Map<String, Object> properties = new HashMap<>();
    if (databaseUrl.startsWith("jdbc:")) {
      properties.put("spring.datasource.url", databaseUrl);
      return properties;
    }
    URI uri = URI.create(databaseUrl);
    String scheme = uri.getScheme();
    if (!"postgres".equals(scheme) && !"postgresql".equals(scheme)) {
      throw new IllegalStateException(
          "DATABASE_URL must be a postgresql:// URL or a JDBC URL, not " + scheme + "://");
    }
    int port = uri.getPort() > 0 ? uri.getPort() : 5432;
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    properties.put(
        "spring.datasource.url",
        "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query);
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      properties.put("spring.datasource.username", decode(user));
      if (colon >= 0) {
        properties.put("spring.datasource.password", decode(userInfo.substring(colon + 1)));
      }
    }
    return properties;
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  @Override
  public int getOrder() {
    // after application.yaml and the environment are loaded, so both can be read
    return Ordered.LOWEST_PRECEDENCE;
  }
}
