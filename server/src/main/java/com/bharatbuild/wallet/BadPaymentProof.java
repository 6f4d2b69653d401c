package com.bharatbuild.wallet;

import com.bharatbuild.shared.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** What the browser reported as a payment is not signed by the gateway for this order. */
final class BadPaymentProof extends ApiProblem {
  BadPaymentProof(String detail) {
    super(HttpStatus.BAD_REQUEST, "bad-payment-signature", "Payment not proven", detail);
  }
}
