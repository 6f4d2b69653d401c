-- Subscriptions billed by a gateway (Stripe): the gateway's id of the subscription, which its
-- invoice and subscription events name, and the hosted checkout the subscription is paid through
-- (its session id, which the checkout events name, and its URL, while the subscription is pending).
ALTER TABLE user_subscriptions ADD COLUMN gateway_ref VARCHAR(200);
ALTER TABLE user_subscriptions ADD COLUMN checkout_ref VARCHAR(200);
ALTER TABLE user_subscriptions ADD COLUMN checkout_url VARCHAR(2000);
CREATE UNIQUE INDEX uq_user_subscriptions_gateway_ref ON user_subscriptions (gateway, gateway_ref);
CREATE UNIQUE INDEX uq_user_subscriptions_checkout_ref ON user_subscriptions (gateway, checkout_ref);
