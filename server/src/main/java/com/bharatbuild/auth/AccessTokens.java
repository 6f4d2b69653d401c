package com.bharatbuild.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues the short-lived, stateless access tokens. */
@Component
class AccessTokens {

  static final String ISSUER = "bharatbuild";

  private final JwtEncoder encoder;
  private final Duration ttl;
  private final Clock clock;

  AccessTokens(JwtEncoder encoder, AuthProperties properties, Clock clock) {
    this.encoder = encoder;
    this.ttl = properties.accessTokenTtl();
    this.clock = clock;
  }

  String issue(UserAccount user) {
    Instant now = clock.instant();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(ISSUER)
            .subject(user.id().toString())
            .issuedAt(now)
            .expiresAt(now.plus(ttl))
            .claim("email", user.email())
            .claim("role", user.role())
            .build();
    JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
  }

  long ttlSeconds() {
    return ttl.toSeconds();
  }
}
