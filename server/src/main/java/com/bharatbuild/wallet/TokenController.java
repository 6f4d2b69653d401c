package com.bharatbuild.wallet;

import com.bharatbuild.auth.CurrentUserId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

  private final TokenWallet wallet;

  TokenController(TokenWallet wallet) {
    this.wallet = wallet;
  }

  @GetMapping("/balance")
  BalanceView balance(@CurrentUserId UUID userId) {
    return wallet.balance(userId);
  }

  /** Usage and credits, newest first, optionally of one kind or one project. */
  @GetMapping("/history")
  HistoryPage history(
      @CurrentUserId UUID userId,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      @RequestParam(required = false)
          @Nullable
          @Pattern(
              regexp = "ai_usage|purchase|grant|subscription|refund|adjustment",
              message =
                  "must be one of ai_usage, purchase, grant, subscription, refund, adjustment")
          String kind,
      @RequestParam(required = false) @Nullable UUID projectId) {
    return wallet.history(userId, kind, projectId, page, size);
  }
}
