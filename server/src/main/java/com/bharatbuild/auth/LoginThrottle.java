package com.bharatbuild.auth;

import com.bharatbuild.shared.limits.RateWindows;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins in a sliding window per email and per client address, across instances when
 * they share Redis. Past the limit a login is refused before the password is checked, with the time
 * until the oldest failure leaves the window.
 */
@Component
class LoginThrottle {

  private final AuthProperties.Throttle settings;
  private final RateWindows windows;

  LoginThrottle(AuthProperties properties, RateWindows windows) {
    this.settings = properties.loginThrottle();
    this.windows = windows;
  }

  /** How long the caller must wait, or empty when a login may be attempted now. */
  Optional<Duration> retryAfter(String email, String address) {
    return longest(
        windows.retryAfter(byEmail(email), settings.maxFailuresPerEmail(), settings.window()),
        windows.retryAfter(
            byAddress(address), settings.maxFailuresPerAddress(), settings.window()));
  }

  void recordFailure(String email, String address) {
    windows.record(byEmail(email), settings.window());
    windows.record(byAddress(address), settings.window());
  }

  void recordSuccess(String email) {
    windows.clear(byEmail(email));
  }

  private static String byEmail(String email) {
    return "login-email:" + email;
  }

  private static String byAddress(String address) {
    return "login-address:" + address;
  }

  private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().compareTo(b.get()) >= 0 ? a : b;
  }
}
