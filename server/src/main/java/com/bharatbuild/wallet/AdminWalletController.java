package com.bharatbuild.wallet;

import com.bharatbuild.auth.CurrentUserId;
import com.bharatbuild.shared.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What only admins may do with wallets (the security chain allows this path to admins only). */
@RestController
@Validated
@RequestMapping("/api/v1/admin/wallets")
class AdminWalletController {

  private final TokenWallet wallet;

  AdminWalletController(TokenWallet wallet) {
    this.wallet = wallet;
  }

  /** Proves every balance equals the sum of its ledger; lists the wallets where it does not. */
  @GetMapping("/reconciliation")
  Reconciliation reconcile() {
    return wallet.reconcile();
  }

  @GetMapping("/{userId}/ledger")
  HistoryPage ledger(
      @PathVariable UUID userId,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return wallet.history(userId, null, null, page, size);
  }

  @PostMapping("/{userId}/adjustments")
  @ResponseStatus(HttpStatus.CREATED)
  AdjustmentView adjust(
      @CurrentUserId UUID adminId,
      @PathVariable UUID userId,
      @Valid @RequestBody AdjustmentRequest request) {
    if (request.amount() == 0) {
      throw new ZeroAdjustment();
    }
    UUID id = request.adjustmentId() == null ? UUID.randomUUID() : request.adjustmentId();
    boolean applied =
        wallet.adjust(adminId, userId, id, request.amount(), request.reason().strip());
    return new AdjustmentView(id, applied, wallet.balance(userId));
  }

  static final class ZeroAdjustment extends ApiProblem {
    ZeroAdjustment() {
      super(
          HttpStatus.BAD_REQUEST,
          "zero-adjustment",
          "Nothing to adjust",
          "An adjustment adds or takes away at least one token");
    }
  }
}
