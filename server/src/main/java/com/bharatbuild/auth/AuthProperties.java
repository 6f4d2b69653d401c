package com.bharatbuild.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the auth module.
 *
 * @param jwtSecret the HMAC secret for access tokens; blank on an embedded install, where one is
 *     generated and kept in the data directory
 */
@ConfigurationProperties("bharatbuild.auth")
record AuthProperties(
    String jwtSecret, Duration accessTokenTtl, Duration refreshTokenTtl, Throttle loginThrottle) {

  record Throttle(int maxFailuresPerEmail, int maxFailuresPerAddress, Duration window) {}
}
