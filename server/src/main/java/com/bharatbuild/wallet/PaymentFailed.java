package com.bharatbuild.wallet;

import com.bharatbuild.shared.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The gateway could not open a payment; the order is marked failed and nothing is charged. */
final class PaymentFailed extends ApiProblem {
  PaymentFailed(String detail) {
    super(HttpStatus.BAD_GATEWAY, "payment-gateway-failed", "Payment gateway failed", detail);
  }
}
