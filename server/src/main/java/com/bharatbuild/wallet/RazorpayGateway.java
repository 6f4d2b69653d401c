package com.bharatbuild.wallet;

import com.razorpay.Order;
import com.razorpay.RazorpayClient;
import com.razorpay.RazorpayException;
import com.razorpay.Utils;
import java.util.UUID;
import org.json.JSONObject;
import org.jspecify.annotations.Nullable;

/**
 * Razorpay Checkout through Razorpay's Java SDK: a Razorpay Order per order (our order id as its
 * receipt and in its notes), paid in the Checkout the browser opens with the order's id. The
 * payment is proven either by the signature Checkout hands the browser or by a signed webhook.
 */
final class RazorpayGateway implements PaymentGateway {

  static final String ID = "razorpay";

  private final RazorpayClient razorpay;
  private final BillingProperties.Razorpay settings;

  RazorpayGateway(BillingProperties.Razorpay settings) {
    this.settings = settings;
    try {
      this.razorpay = new RazorpayClient(settings.keyId(), settings.keySecret());
    } catch (RazorpayException e) {
      throw new IllegalStateException("Razorpay's SDK did not start: " + e.getMessage(), e);
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Checkout begin(UUID orderId, TokenPackage item) {
    JSONObject request =
        new JSONObject()
            .put("amount", item.price().movePointRight(2).longValueExact())
            .put("currency", item.currency())
            .put("receipt", orderId.toString())
            .put("notes", new JSONObject().put("order_id", orderId.toString()));
    @Nullable String id;
    try {
      Order order = razorpay.orders.create(request);
      id = order.get("id");
    } catch (RazorpayException e) {
      throw new PaymentFailed("Razorpay did not open an order: " + e.getMessage());
    }
    if (id == null || id.isBlank()) {
      throw new PaymentFailed("Razorpay answered without an order id");
    }
    return new Checkout(id, null, false);
  }

  @Override
  public OrderView view(Orders.Row row) {
    if (row.reference() == null) {
      return row.view();
    }
    OrderView order = row.view();
    return order.withRazorpay(
        new OrderView.RazorpayCheckout(
            settings.keyId(),
            row.reference(),
            order.amount().movePointRight(2).longValueExact(),
            order.currency()));
  }

  /** Whether Razorpay has the order as paid; asked when no proof of the payment arrived. */
  boolean paid(String razorpayOrderId) {
    try {
      Order order = razorpay.orders.fetch(razorpayOrderId);
      return "paid".equals(order.get("status"));
    } catch (RazorpayException e) {
      throw new PaymentFailed("Razorpay did not answer for an order: " + e.getMessage());
    }
  }

  /**
   * Whether Razorpay signed this payment of this order with our key secret, as Checkout reports a
   * successful payment: HMAC-SHA256 of {@code order_id|payment_id}.
   */
  boolean paymentProven(String razorpayOrderId, String paymentId, String signature) {
    JSONObject attributes =
        new JSONObject()
            .put("razorpay_order_id", razorpayOrderId)
            .put("razorpay_payment_id", paymentId)
            .put("razorpay_signature", signature);
    try {
      return Utils.verifyPaymentSignature(attributes, settings.keySecret());
    } catch (RazorpayException e) {
      return false;
    }
  }

  /** Whether a webhook body was signed with the webhook's secret (hex HMAC-SHA256 of the body). */
  boolean webhookProven(String payload, String signature) {
    if (settings.webhookSecret().isBlank()) {
      return false;
    }
    try {
      return Utils.verifyWebhookSignature(payload, signature, settings.webhookSecret());
    } catch (RazorpayException e) {
      return false;
    }
  }
}
