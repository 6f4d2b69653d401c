package com.bharatbuild.wallet;

import com.bharatbuild.shared.queue.WorkQueue;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Verified webhook events on their way to their gateway's handler. With several instances they go
 * through the shared work queue: the webhook is answered once the event is safely queued, and any
 * instance credits the order, retrying after a failure; on one instance the event is handled before
 * the webhook is answered, so a failure makes the provider deliver it again.
 */
@Component
class PaymentEvents {

  static final String TOPIC = "payment-events";

  private final WorkQueue queue;
  private final Map<String, PaymentEventHandler> handlers;

  PaymentEvents(WorkQueue queue, List<PaymentEventHandler> handlers) {
    this.queue = queue;
    this.handlers =
        handlers.stream()
            .collect(Collectors.toMap(PaymentEventHandler::gateway, Function.identity()));
    queue.handle(TOPIC, this::dispatch);
  }

  void submit(String gateway, String verifiedPayload) {
    queue.submit(TOPIC, gateway + "\n" + verifiedPayload);
  }

  private void dispatch(String work) {
    int newline = work.indexOf('\n');
    PaymentEventHandler handler = handlers.get(work.substring(0, Math.max(newline, 0)));
    if (handler == null) {
      throw new IllegalStateException(
          "no gateway handles " + work.substring(0, Math.max(newline, 0)));
    }
    handler.handle(work.substring(newline + 1));
  }
}
