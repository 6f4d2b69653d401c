-- The gateway's id of the payment that paid an order (Stripe's payment intent), which refund events
-- name instead of the checkout session the order was opened with.
ALTER TABLE token_orders ADD COLUMN payment_ref VARCHAR(255);
CREATE INDEX idx_token_orders_payment_ref ON token_orders (gateway, payment_ref);
