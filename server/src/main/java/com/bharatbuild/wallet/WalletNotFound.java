package com.bharatbuild.wallet;

import com.bharatbuild.shared.web.ApiProblem;
import org.springframework.http.HttpStatus;

final class WalletNotFound extends ApiProblem {
  WalletNotFound() {
    super(HttpStatus.NOT_FOUND, "wallet-not-found", "Wallet not found", "No such user's wallet");
  }
}
