package com.bharatbuild.wallet;

import com.bharatbuild.shared.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A webhook whose signature does not prove it came from the gateway: nothing is done. */
final class BadWebhook extends ApiProblem {
  BadWebhook(String detail) {
    super(HttpStatus.BAD_REQUEST, "bad-webhook-signature", "Webhook refused", detail);
  }
}
