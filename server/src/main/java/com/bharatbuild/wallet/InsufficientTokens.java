package com.bharatbuild.wallet;

import com.bharatbuild.shared.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The balance cannot pay for a reply: 402 before any stream starts. */
public final class InsufficientTokens extends ApiProblem {

  InsufficientTokens(long available, long needed) {
    super(
        HttpStatus.PAYMENT_REQUIRED,
        "insufficient-tokens",
        "Not enough tokens",
        "You have "
            + available
            + " tokens available and a reply needs at least "
            + needed
            + "; buy more tokens to continue");
    getBody().setProperty("available", available);
    getBody().setProperty("required", needed);
  }
}
