package com.bharatbuild.auth;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.core.env.Environment;

/**
 * Who may read {@code /actuator/prometheus}. The metrics say how busy the server is and how its
 * providers fail, which is nothing for the public internet; scrapers run inside the cluster. The
 * endpoint is open when the actuator has a port of its own ({@code management.server.port}, which
 * the ingress never routes to) or when {@code bharatbuild.metrics.public=true} says the server's
 * port is private anyway; otherwise it is refused.
 *
 * @param publicEndpoint serve the scrape on the server's own port to anyone who can reach it
 */
@ConfigurationProperties("bharatbuild.metrics")
record MetricsScrape(@Name("public") boolean publicEndpoint) {

  /** Whether the scrape is permitted with these settings. */
  boolean permitted(Environment environment) {
    if (publicEndpoint) {
      return true;
    }
    // with a port of its own the actuator is not served on the server's port at all
    return ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
  }
}
