package com.bharatbuild.support;

import com.bharatbuild.BharatBuildApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A second server in the test's JVM on the same database, data folder and Redis as the test's
 * server, as a second instance behind a load balancer would be.
 */
public final class SecondInstance {

  private static final List<String> SHARED =
      List.of(
          "spring.datasource.url",
          "spring.flyway.schemas",
          "spring.datasource.hikari.maximum-pool-size",
          "spring.datasource.hikari.minimum-idle",
          "spring.datasource.hikari.idle-timeout",
          "bharatbuild.data-dir",
          "bharatbuild.auth.jwt-secret",
          "bharatbuild.redis.url");

  private SecondInstance() {}

  /**
   * Starts it with the first server's shared settings and those named in {@code alsoShared}.
   *
   * @return the started context; the caller closes it
   */
  public static ConfigurableApplicationContext start(Environment first, String... alsoShared) {
    List<String> arguments = new ArrayList<>();
    List<String> names = new ArrayList<>(SHARED);
    names.addAll(List.of(alsoShared));
    for (String name : names) {
      String value = first.getProperty(name);
      if (value != null) {
        // as arguments: default properties would lose to application.yaml's placeholders
        arguments.add("--" + name + "=" + value);
      }
    }
    arguments.add("--server.port=0");
    arguments.add("--bharatbuild.execution.preview.port=0");
    return new SpringApplicationBuilder(BharatBuildApplication.class)
        .run(arguments.toArray(String[]::new));
  }

  public static int port(ConfigurableApplicationContext instance) {
    return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
  }
}
