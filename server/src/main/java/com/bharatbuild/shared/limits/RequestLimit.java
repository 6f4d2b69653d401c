package com.bharatbuild.shared.limits;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Caps each signed-in user's API requests per window, counted across instances when they share
 * Redis: one user's script cannot starve the others. Anonymous requests are the login endpoints,
 * which have their own throttle.
 */
final class RequestLimit implements HandlerInterceptor {

  private final RateWindows windows;
  private final LimitSettings settings;

  RequestLimit(RateWindows windows, LimitSettings settings) {
    this.windows = windows;
    this.settings = settings;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (!(user instanceof JwtAuthenticationToken)) {
      return true;
    }
    Optional<Duration> wait =
        windows.tryAcquire(
            "requests:" + user.getName(), settings.requestsPerWindow(), settings.requestWindow());
    if (wait.isPresent()) {
      throw new TooManyRequests(
          "too-many-requests",
          "More than "
              + settings.requestsPerWindow()
              + " requests in "
              + settings.requestWindow().toSeconds()
              + " seconds; slow down",
          wait.get());
    }
    return true;
  }
}
