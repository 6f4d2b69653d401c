package com.bharatbuild.wallet;

import com.bharatbuild.shared.config.DatabaseKind;
import com.bharatbuild.shared.config.Timestamps;
import com.bharatbuild.shared.web.ApiProblem;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Selling tokens: packages, orders through a {@link PaymentGateway}, and the one place where a
 * confirmed payment turns into tokens. An order is created and opened at its gateway first; the
 * credit comes with the confirmation, in one transaction with the order's move to credited, and the
 * ledger's unique reference (the order id) makes a repeated confirmation change nothing.
 */
@Service
class TokenShop {

  private final Orders orders;
  private final TokenWallet wallet;
  private final Map<String, PaymentGateway> gateways;
  private final BillingProperties settings;
  private final TransactionTemplate transactions;
  private final Clock clock;

  TokenShop(
      Orders orders,
      TokenWallet wallet,
      List<PaymentGateway> configured,
      BillingProperties settings,
      DatabaseKind database,
      TransactionTemplate transactions,
      Clock clock) {
    this.orders = orders;
    this.wallet = wallet;
    this.settings = settings;
    this.transactions = transactions;
    this.clock = clock;
    boolean manual =
        switch (settings.manualGateway()) {
          case "true" -> true;
          case "false" -> false;
          default -> database.isEmbedded();
        };
    this.gateways =
        Stream.concat(configured.stream(), manual ? Stream.of(new ManualGateway()) : Stream.empty())
            .collect(Collectors.toUnmodifiableMap(PaymentGateway::id, Function.identity()));
  }

  /** Whether purchases can be completed by the manual gateway on this server. */
  boolean manualPayments() {
    return gateways.containsKey(ManualGateway.ID);
  }

  List<TokenPackage> packages() {
    return orders.packages();
  }

  OrderView purchase(UUID userId, PurchaseRequest request) {
    TokenPackage item =
        orders
            .activePackage(request.packageId())
            .orElseThrow(() -> new UnknownPackage(request.packageId()));
    String gatewayId = request.gateway() == null ? settings.defaultGateway() : request.gateway();
    PaymentGateway gateway = gateways.get(gatewayId);
    if (gateway == null) {
      throw new GatewayUnavailable(gatewayId, gateways.keySet());
    }
    UUID orderId = UUID.randomUUID();
    orders.create(orderId, userId, item, gateway.id(), now());
    PaymentGateway.Checkout checkout;
    try {
      checkout = gateway.begin(orderId, item);
    } catch (RuntimeException e) {
      orders.status(orderId, "failed", now());
      throw e;
    }
    orders.opened(orderId, checkout.reference(), checkout.checkoutUrl(), now());
    if (checkout.paid()) {
      confirmPaid(gateway.id(), checkout.reference());
    }
    return order(userId, orderId);
  }

  OrderView order(UUID userId, UUID orderId) {
    Orders.Row row = owned(userId, orderId);
    PaymentGateway gateway = gateways.get(row.view().gateway());
    return gateway == null ? row.view() : gateway.view(row);
  }

  /** The user's order as stored; 404 for an order that is someone else's. */
  Orders.Row owned(UUID userId, UUID orderId) {
    return orders
        .find(orderId)
        .filter(row -> row.userId().equals(userId))
        .orElseThrow(OrderNotFound::new);
  }

  /**
   * A gateway says the payment for {@code reference} is complete: the order is credited, once,
   * however often and in whatever order this arrives. A {@code failed} order is credited too, since
   * a gateway that keeps an order open across attempts (Razorpay) may take the money on a later
   * one; an {@code expired} one is not.
   *
   * @return false when there is no such order
   */
  boolean confirmPaid(String gateway, String reference) {
    return confirmPaid(gateway, reference, null);
  }

  /**
   * As {@link #confirmPaid(String, String)}, remembering the gateway's id of the payment, which its
   * refund events name.
   */
  boolean confirmPaid(String gateway, String reference, @Nullable String paymentReference) {
    Boolean found =
        transactions.execute(
            status -> {
              Orders.Row row = orders.lockByReference(gateway, reference).orElse(null);
              if (row == null) {
                return false;
              }
              if (paymentReference != null && !paymentReference.isBlank()) {
                orders.paymentReference(row.view().id(), paymentReference);
              }
              String current = row.view().status();
              if (current.equals("created") || current.equals("paid") || current.equals("failed")) {
                wallet.creditPurchase(row.userId(), row.view().id(), row.view().tokens());
                orders.status(row.view().id(), "credited", now());
              }
              return true;
            });
    return Boolean.TRUE.equals(found);
  }

  /**
   * The gateway says the payment for {@code reference} ended without money ({@code expired} or
   * {@code failed}). An order that was paid or credited stays so: a late "expired" after a payment
   * changes nothing.
   */
  void close(String gateway, String reference, String status) {
    transactions.executeWithoutResult(
        tx ->
            orders
                .lockByReference(gateway, reference)
                .filter(row -> row.view().status().equals("created"))
                .ifPresent(row -> orders.status(row.view().id(), status, now())));
  }

  /**
   * The gateway refunded the whole payment of an order (found by the order's or the payment's
   * reference): a credited order's tokens are taken back once and it becomes {@code refunded}.
   * Partial refunds are left to an admin adjustment, which records its reason.
   *
   * @return false when there is no such order
   */
  boolean refunded(String gateway, String reference) {
    Boolean found =
        transactions.execute(
            status -> {
              Orders.Row row =
                  orders
                      .lockByReference(gateway, reference)
                      .or(() -> orders.lockByPayment(gateway, reference))
                      .orElse(null);
              if (row == null) {
                return false;
              }
              String current = row.view().status();
              if (current.equals("credited")) {
                wallet.debitRefund(row.userId(), row.view().id(), row.view().tokens());
              }
              if (!current.equals("expired")) {
                orders.status(row.view().id(), "refunded", now());
              }
              return true;
            });
    return Boolean.TRUE.equals(found);
  }

  private OffsetDateTime now() {
    return Timestamps.now(clock);
  }

  static final class UnknownPackage extends ApiProblem {
    UnknownPackage(String id) {
      super(HttpStatus.NOT_FOUND, "package-not-found", "Package not found", "No package " + id);
    }
  }

  static final class OrderNotFound extends ApiProblem {
    OrderNotFound() {
      super(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", "No such order");
    }
  }

  static final class GatewayUnavailable extends ApiProblem {
    GatewayUnavailable(@Nullable String id, Set<String> available) {
      this(
          available.isEmpty()
              ? "No payment gateway is configured on this server"
              : "No payment gateway " + id + "; available: " + String.join(", ", available));
    }

    GatewayUnavailable(String detail) {
      super(HttpStatus.BAD_REQUEST, "gateway-unavailable", "Payment gateway unavailable", detail);
    }
  }
}
