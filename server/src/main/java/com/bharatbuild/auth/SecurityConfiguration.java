package com.bharatbuild.auth;

import com.bharatbuild.shared.config.DataDirectory;
import com.bharatbuild.shared.config.DatabaseKind;
import com.bharatbuild.shared.web.ProblemWriter;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.util.List;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Stateless API security: every {@code /api/**} route needs a bearer access token except the ones
 * that hand tokens out; the web client and health probes are public, the metrics scrape only as
 * {@link MetricsScrape} allows. Errors are problem+json.
 */
@Configuration
class SecurityConfiguration {

  // payment webhooks come from the gateway, which proves itself by signing the body
  private static final String[] PUBLIC_AUTH_ROUTES = {
    "/api/v1/auth/register",
    "/api/v1/auth/login",
    "/api/v1/auth/refresh",
    "/api/v1/payments/*/webhook"
  };

  // WebSockets: a browser cannot send the bearer token, so their handshake checks a one-use ticket
  private static final String[] TICKET_ROUTES = {
    "/api/v1/projects/*/terminal", "/api/v1/projects/*/events"
  };

  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http, ProblemWriter problems, MetricsScrape metrics, Environment environment)
      throws Exception {
    boolean scrapeAllowed = metrics.permitted(environment);
    AuthenticationEntryPoint unauthenticated =
        (request, response, error) -> {
          response.setHeader("WWW-Authenticate", "Bearer");
          problems.write(
              response,
              problems.problem(
                  request,
                  HttpStatus.UNAUTHORIZED,
                  "A valid access token is required (Authorization: Bearer <token>)"));
        };
    AccessDeniedHandler denied =
        (request, response, error) ->
            problems.write(
                response,
                problems.problem(request, HttpStatus.FORBIDDEN, "This action is not allowed"));
    return http.csrf(csrf -> csrf.disable())
        .cors(cors -> cors.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.POST, PUBLIC_AUTH_ROUTES)
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, TICKET_ROUTES)
                    .permitAll()
                    .requestMatchers("/api/v1/admin/**")
                    .hasRole("ADMIN")
                    .requestMatchers("/api/**")
                    .authenticated()
                    .requestMatchers("/actuator/prometheus")
                    .access((authentication, context) -> new AuthorizationDecision(scrapeAllowed))
                    .anyRequest()
                    .permitAll())
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(roleConverter()))
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(denied))
        .exceptionHandling(
            handling ->
                handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
        .build();
  }

  private static JwtAuthenticationConverter roleConverter() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(
        jwt ->
            List.of(
                new SimpleGrantedAuthority(
                    "ROLE_" + String.valueOf(jwt.getClaimAsString("role")).toUpperCase())));
    return converter;
  }

  /**
   * No observation per security filter, authentication and authorization: the request itself is
   * observed (timer and trace) already, and wrapping each of the chain's filters cost every request
   * a dozen observations and every streaming reply twice the stack depth while it waits.
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  SecretKey accessTokenKey(AuthProperties properties, DatabaseKind database, DataDirectory data) {
    return JwtSecretSource.resolve(properties.jwtSecret(), database, data);
  }

  @Bean
  JwtEncoder jwtEncoder(SecretKey accessTokenKey) {
    return new NimbusJwtEncoder(new ImmutableSecret<>(accessTokenKey));
  }

  @Bean
  JwtDecoder jwtDecoder(SecretKey accessTokenKey) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withSecretKey(accessTokenKey).macAlgorithm(MacAlgorithm.HS256).build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(AccessTokens.ISSUER)));
    return decoder;
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
