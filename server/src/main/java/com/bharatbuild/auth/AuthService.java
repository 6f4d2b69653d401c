package com.bharatbuild.auth;

import com.bharatbuild.auth.AuthProblems.EmailTaken;
import com.bharatbuild.auth.AuthProblems.InvalidCredentials;
import com.bharatbuild.auth.AuthProblems.InvalidRefreshToken;
import com.bharatbuild.auth.AuthProblems.TooManyAttempts;
import com.bharatbuild.auth.RefreshTokens.StoredToken;
import com.bharatbuild.shared.config.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registration, login and the refresh-token life cycle. */
@Service
class AuthService {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Users users;
  private final RefreshTokens refreshTokens;
  private final AccessTokens accessTokens;
  private final PasswordEncoder passwords;
  private final LoginThrottle throttle;
  private final ApplicationEventPublisher events;
  private final Duration refreshTtl;
  private final Clock clock;
  // Checked when the email is unknown, so the answer takes as long as for a wrong password.
  private final String decoyHash;

  AuthService(
      Users users,
      RefreshTokens refreshTokens,
      AccessTokens accessTokens,
      PasswordEncoder passwords,
      LoginThrottle throttle,
      ApplicationEventPublisher events,
      AuthProperties properties,
      Clock clock) {
    this.users = users;
    this.refreshTokens = refreshTokens;
    this.accessTokens = accessTokens;
    this.passwords = passwords;
    this.throttle = throttle;
    this.events = events;
    this.refreshTtl = properties.refreshTokenTtl();
    this.clock = clock;
    this.decoyHash = passwords.encode(UUID.randomUUID().toString());
  }

  @Transactional
  AuthResponse register(RegisterRequest request) {
    String email = normalise(request.email());
    String name = request.name() == null || request.name().isBlank() ? null : request.name().trim();
    UserAccount user =
        new UserAccount(
            UUID.randomUUID(),
            email,
            passwords.encode(request.password()),
            name,
            "user",
            Timestamps.now(clock));
    try {
      users.insert(user);
    } catch (DuplicateKeyException taken) {
      throw new EmailTaken();
    }
    events.publishEvent(new UserRegistered(user.id(), user.email()));
    return session(user, UUID.randomUUID());
  }

  @Transactional
  AuthResponse login(LoginRequest request, String clientAddress) {
    String email = normalise(request.email());
    throttle
        .retryAfter(email, clientAddress)
        .ifPresent(
            wait -> {
              throw new TooManyAttempts(wait);
            });
    Optional<UserAccount> user = users.findByEmail(email);
    boolean matches =
        passwords.matches(
            request.password(), user.map(UserAccount::passwordHash).orElse(decoyHash));
    if (user.isEmpty() || !matches) {
      throttle.recordFailure(email, clientAddress);
      throw new InvalidCredentials();
    }
    throttle.recordSuccess(email);
    return session(user.get(), UUID.randomUUID());
  }

  /**
   * Trades a refresh token for a new pair. A token that was already used means it leaked (or two
   * tabs raced): the whole family is revoked and the holder must log in again.
   */
  @Transactional(noRollbackFor = InvalidRefreshToken.class)
  AuthResponse refresh(String refreshToken) {
    StoredToken token =
        refreshTokens
            .findByHash(hash(refreshToken))
            .orElseThrow(() -> new InvalidRefreshToken("The refresh token is not valid"));
    OffsetDateTime now = Timestamps.now(clock);
    if (token.revokedAt() != null) {
      throw new InvalidRefreshToken("The refresh token was revoked; log in again");
    }
    if (token.rotatedAt() != null || !refreshTokens.markRotated(token.id(), now)) {
      refreshTokens.revokeFamily(token.familyId(), now);
      throw new InvalidRefreshToken(
          "The refresh token was already used; every session it started was revoked");
    }
    if (!token.expiresAt().isAfter(now)) {
      throw new InvalidRefreshToken("The refresh token has expired; log in again");
    }
    UserAccount user =
        users
            .findById(token.userId())
            .orElseThrow(() -> new InvalidRefreshToken("The account no longer exists"));
    return session(user, token.familyId());
  }

  /** Ends the session the refresh token belongs to; unknown or foreign tokens change nothing. */
  @Transactional
  void logout(UUID userId, String refreshToken) {
    refreshTokens
        .findByHash(hash(refreshToken))
        .filter(token -> token.userId().equals(userId))
        .ifPresent(token -> refreshTokens.revokeFamily(token.familyId(), Timestamps.now(clock)));
  }

  Optional<UserView> find(UUID userId) {
    return users.findById(userId).map(UserAccount::view);
  }

  private AuthResponse session(UserAccount user, UUID familyId) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    OffsetDateTime now = Timestamps.now(clock);
    refreshTokens.insert(user.id(), familyId, hash(refreshToken), now, now.plus(refreshTtl));
    return new AuthResponse(
        accessTokens.issue(user), refreshToken, accessTokens.ttlSeconds(), user.view());
  }

  private static String normalise(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  private static String hash(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
