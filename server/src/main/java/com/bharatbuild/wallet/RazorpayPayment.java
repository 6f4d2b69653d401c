package com.bharatbuild.wallet;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What Razorpay Checkout hands the browser after a successful payment, under Checkout's own names,
 * so the browser can pass its handler's response on as it is.
 */
public record RazorpayPayment(
    @JsonProperty("razorpay_order_id") @NotBlank @Size(max = 100) String orderId,
    @JsonProperty("razorpay_payment_id") @NotBlank @Size(max = 100) String paymentId,
    @JsonProperty("razorpay_signature") @NotBlank @Size(max = 200) String signature) {}
