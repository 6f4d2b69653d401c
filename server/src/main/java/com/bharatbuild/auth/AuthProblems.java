package com.bharatbuild.auth;

import com.bharatbuild.shared.web.ApiProblem;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The errors of the auth API, each with a static factory. */
final class AuthProblems {

  private AuthProblems() {}

  static final class EmailTaken extends ApiProblem {
    EmailTaken() {
      super(
          HttpStatus.CONFLICT,
          "email-taken",
          "Email already registered",
          "An account with this email already exists");
    }
  }

  static final class InvalidCredentials extends ApiProblem {
    InvalidCredentials() {
      super(
          HttpStatus.UNAUTHORIZED,
          "invalid-credentials",
          "Invalid credentials",
          "The email or password is wrong");
    }
  }

  static final class InvalidRefreshToken extends ApiProblem {
    InvalidRefreshToken(String detail) {
      super(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Invalid refresh token", detail);
    }
  }

  static final class TooManyAttempts extends ApiProblem {
    TooManyAttempts(Duration retryAfter) {
      super(
          HttpStatus.TOO_MANY_REQUESTS,
          "too-many-attempts",
          "Too many login attempts",
          "Too many failed logins; try again in " + retryAfter.toSeconds() + " seconds");
      long seconds = Math.max(1, retryAfter.toSeconds());
      getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      getBody().setProperty("retryAfterSeconds", seconds);
    }
  }

  /** A valid token whose account was deleted meanwhile. */
  static final class AccountGone extends ApiProblem {
    AccountGone() {
      super(
          HttpStatus.UNAUTHORIZED,
          "account-gone",
          "Account not found",
          "The account of this token no longer exists");
    }
  }
}
