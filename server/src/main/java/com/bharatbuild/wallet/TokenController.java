package com.bharatbuild.wallet;

import com.bharatbuild.auth.CurrentUserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

  private final TokenWallet wallet;
  private final TokenShop shop;
  private final SubscriptionService subscriptions;

  TokenController(TokenWallet wallet, TokenShop shop, SubscriptionService subscriptions) {
    this.wallet = wallet;
    this.shop = shop;
    this.subscriptions = subscriptions;
  }

  @GetMapping("/plans")
  List<PlanView> plans() {
    return subscriptions.plans();
  }

  /** The user's subscription (the latest, running or ended); 404 when there never was one. */
  @GetMapping("/subscription")
  SubscriptionView subscription(@CurrentUserId UUID userId) {
    return subscriptions.current(userId);
  }

  /**
   * Subscribes. Through the manual gateway the first period's tokens arrive at once; through Stripe
   * the subscription is pending and {@code checkoutUrl} is where the user pays, after which each
   * period's tokens arrive with Stripe's invoice.
   */
  @PostMapping("/subscription")
  @ResponseStatus(HttpStatus.CREATED)
  SubscriptionView subscribe(
      @CurrentUserId UUID userId, @Valid @RequestBody SubscribeRequest request) {
    return subscriptions.subscribe(userId, request);
  }

  /**
   * Stops renewal: the subscription runs to the end of the period that was paid for (Stripe is told
   * too); a pending one ends at once and its checkout is closed.
   */
  @DeleteMapping("/subscription")
  SubscriptionView cancelSubscription(@CurrentUserId UUID userId) {
    return subscriptions.cancel(userId);
  }

  @GetMapping("/packages")
  List<TokenPackage> packages() {
    return shop.packages();
  }

  /** Buys a package; the tokens arrive when the payment is confirmed (at once with "manual"). */
  @PostMapping("/purchase")
  @ResponseStatus(HttpStatus.CREATED)
  OrderView purchase(@CurrentUserId UUID userId, @Valid @RequestBody PurchaseRequest request) {
    return shop.purchase(userId, request);
  }

  @GetMapping("/orders/{orderId}")
  OrderView order(@CurrentUserId UUID userId, @PathVariable UUID orderId) {
    return shop.order(userId, orderId);
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
