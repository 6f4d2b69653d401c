package com.bharatbuild.wallet;

/** Acts on one gateway's webhook events, once their signature has been verified. */
interface PaymentEventHandler {

  /** The gateway's id, as orders record it. */
  String gateway();

  /**
   * Acts on a verified event body. Must be idempotent: an event may arrive (or be retried) more
   * than once.
   */
  void handle(String payload);
}
