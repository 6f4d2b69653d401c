package com.bharatbuild.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.Api.Response;
import com.bharatbuild.support.Api.Session;
import com.bharatbuild.support.HttpTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import tools.jackson.databind.JsonNode;

class AuthHttpTest extends HttpTest {

  @Autowired JwtEncoder encoder;

  @Test
  void registerAnswersASessionAndTheUser() {
    Response response =
        api.post(
            "/api/v1/auth/register",
            Map.of("email", "  Mixed.Case@Example.Test ", "password", "longenough", "name", "Asha"),
            null);

    assertThat(response.status()).isEqualTo(201);
    JsonNode json = response.json();
    assertThat(json.get("accessToken").asString()).isNotBlank();
    assertThat(json.get("refreshToken").asString()).isNotBlank();
    assertThat(json.get("expiresIn").asLong()).isEqualTo(900);
    assertThat(json.get("user").get("email").asString()).isEqualTo("mixed.case@example.test");
    assertThat(json.get("user").get("name").asString()).isEqualTo("Asha");
    assertThat(json.get("user").get("role").asString()).isEqualTo("user");
    assertThat(json.get("user").get("createdAt").asString()).endsWith("Z");

    Response me = api.get("/api/v1/auth/me", json.get("accessToken").asString());
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("id")).isEqualTo(json.get("user").get("id"));
  }

  @Test
  void aTakenEmailIsAConflictWhateverItsCase() {
    Session session = api.register();

    Response again =
        api.post(
            "/api/v1/auth/register",
            Map.of("email", session.email().toUpperCase(), "password", "anotherpassword"),
            null);

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(again.json().get("code").asString()).isEqualTo("email-taken");
  }

  @Test
  void badEmailsAndShortPasswordsAreRejectedFieldByField() {
    Response response =
        api.post(
            "/api/v1/auth/register", Map.of("email", "not-an-email", "password", "short"), null);

    assertThat(response.status()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
    assertThat(fields).containsExactlyInAnyOrder("email", "password");
    assertThat(response.json().get("detail").asString()).contains("password");
  }

  @Test
  void loginReturnsANewSession() {
    Session session = api.register();

    Response login =
        api.post(
            "/api/v1/auth/login",
            Map.of("email", session.email(), "password", session.password()),
            null);

    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().get("user").get("id").asString())
        .isEqualTo(session.userId().toString());
    assertThat(login.json().get("refreshToken").asString()).isNotEqualTo(session.refreshToken());
  }

  @Test
  void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
    Session session = api.register();

    Response wrongPassword =
        api.post(
            "/api/v1/auth/login",
            Map.of("email", session.email(), "password", "wrong password"),
            null);
    Response unknownEmail =
        api.post(
            "/api/v1/auth/login",
            Map.of("email", "nobody-" + session.email(), "password", "wrong password"),
            null);

    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownEmail.status()).isEqualTo(401);
    assertThat(withoutRequestId(wrongPassword.json()))
        .isEqualTo(withoutRequestId(unknownEmail.json()));
  }

  @Test
  void anUnknownEmailCostsAPasswordCheckLikeAKnownOne() {
    Session session = api.register();
    // Warm up both paths, then compare medians: without the decoy hash an unknown email answers
    // an order of magnitude faster than a wrong password.
    long known = medianLoginNanos(session.email());
    long unknown = medianLoginNanos("ghost-" + session.email());

    assertThat(unknown).isGreaterThan(known / 3);
  }

  private long medianLoginNanos(String email) {
    List<Long> times = new ArrayList<>();
    // four failures stay below the per-email throttle
    for (int i = 0; i < 4; i++) {
      long start = System.nanoTime();
      api.post("/api/v1/auth/login", Map.of("email", email, "password", "nope-" + i), null);
      times.add(System.nanoTime() - start);
    }
    return times.stream().sorted().toList().get(times.size() / 2);
  }

  @Test
  void meNeedsAValidToken() {
    Response none = api.get("/api/v1/auth/me", null);
    Response garbage = api.get("/api/v1/auth/me", "not.a.token");

    assertThat(none.status()).isEqualTo(401);
    assertThat(none.contentType()).startsWith("application/problem+json");
    assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(garbage.status()).isEqualTo(401);
  }

  @Test
  void anExpiredOrForeignlySignedAccessTokenIsRejected() {
    Session session = api.register();
    Instant past = Instant.now().minus(Duration.ofMinutes(20));
    JwtClaimsSet expiredClaims =
        JwtClaimsSet.builder()
            .issuer(AccessTokens.ISSUER)
            .subject(session.userId().toString())
            .issuedAt(past)
            .expiresAt(past.plus(Duration.ofMinutes(15)))
            .build();
    String expired =
        encoder
            .encode(
                JwtEncoderParameters.from(
                    JwsHeader.with(MacAlgorithm.HS256).build(), expiredClaims))
            .getTokenValue();
    String[] parts = session.accessToken().split("\\.");
    String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

    assertThat(api.get("/api/v1/auth/me", expired).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/auth/me", tampered).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/auth/me", session.accessToken()).status()).isEqualTo(200);
  }

  @Test
  void refreshRotatesTheToken() {
    Session session = api.register();

    Response first = refresh(session.refreshToken());
    assertThat(first.status()).isEqualTo(200);
    String next = first.json().get("refreshToken").asString();
    assertThat(next).isNotEqualTo(session.refreshToken());
    assertThat(api.get("/api/v1/auth/me", first.json().get("accessToken").asString()).status())
        .isEqualTo(200);

    Response second = refresh(next);
    assertThat(second.status()).isEqualTo(200);
  }

  @Test
  void reusingARotatedTokenRevokesTheWholeFamily() {
    Session session = api.register();
    String rotated = session.refreshToken();
    String current = refresh(rotated).json().get("refreshToken").asString();

    Response replay = refresh(rotated);

    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.json().get("code").asString()).isEqualTo("invalid-refresh-token");
    assertThat(refresh(current).status())
        .as("the legitimate holder's newer token dies with the family")
        .isEqualTo(401);
  }

  @Test
  void familiesAreIndependent() {
    Session session = api.register();
    Response otherLogin =
        api.post(
            "/api/v1/auth/login",
            Map.of("email", session.email(), "password", session.password()),
            null);
    String rotated = session.refreshToken();
    refresh(rotated);
    refresh(rotated);

    assertThat(refresh(otherLogin.json().get("refreshToken").asString()).status()).isEqualTo(200);
  }

  @Test
  void logoutEndsTheSession() {
    Session session = api.register();

    Response logout =
        api.post(
            "/api/v1/auth/logout",
            Map.of("refreshToken", session.refreshToken()),
            session.accessToken());

    assertThat(logout.status()).isEqualTo(204);
    assertThat(refresh(session.refreshToken()).status()).isEqualTo(401);
  }

  @Test
  void logoutCannotEndSomeoneElsesSession() {
    Session victim = api.register();
    Session attacker = api.register();

    api.post(
        "/api/v1/auth/logout",
        Map.of("refreshToken", victim.refreshToken()),
        attacker.accessToken());

    assertThat(refresh(victim.refreshToken()).status()).isEqualTo(200);
  }

  @Test
  void unknownRefreshTokensAreRejected() {
    Response response = refresh("made-up-token");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  private Response refresh(String token) {
    return api.post("/api/v1/auth/refresh", Map.of("refreshToken", token), null);
  }

  private static Map<String, Object> withoutRequestId(JsonNode problem) {
    Map<String, Object> fields = new java.util.TreeMap<>();
    problem
        .properties()
        .forEach(
            entry -> {
              if (!entry.getKey().equals("requestId") && !entry.getKey().equals("traceId")) {
                fields.put(entry.getKey(), entry.getValue().toString());
              }
            });
    return fields;
  }
}
