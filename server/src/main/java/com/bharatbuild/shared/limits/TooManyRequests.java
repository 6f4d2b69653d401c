package com.bharatbuild.shared.limits;

import com.bharatbuild.shared.web.ApiProblem;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A user past a rate limit: 429 with the seconds until the next request would be taken. */
public final class TooManyRequests extends ApiProblem {

  public TooManyRequests(String code, String detail, Duration retryAfter) {
    super(HttpStatus.TOO_MANY_REQUESTS, code, "Too many requests", detail);
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    getBody().setProperty("retryAfterSeconds", seconds);
  }
}
