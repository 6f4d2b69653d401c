-- Plans grant their tokens once per period; the ledger's unique reference
-- (subscription id and period start) makes each period's grant count once, whichever instance
-- or retry records it.
ALTER TABLE subscription_plans ADD COLUMN code VARCHAR(50);
ALTER TABLE subscription_plans ADD COLUMN currency VARCHAR(3) NOT NULL DEFAULT 'INR';
ALTER TABLE subscription_plans ADD COLUMN period_days INTEGER NOT NULL DEFAULT 30;
CREATE UNIQUE INDEX uq_subscription_plans_code ON subscription_plans (code);

ALTER TABLE user_subscriptions ADD COLUMN current_period_start TIMESTAMP WITH TIME ZONE;
ALTER TABLE user_subscriptions ADD COLUMN gateway VARCHAR(20) NOT NULL DEFAULT 'manual';
CREATE INDEX idx_user_subscriptions_due ON user_subscriptions (status, expires_at);

INSERT INTO subscription_plans (id, code, name, description, price, tokens_included, features,
  is_active, created_at, currency, period_days) VALUES
  ('00000000-0000-0000-0000-0000000000a1', 'pro-inr', 'Pro', '3 million tokens every month',
   999.00, 3000000, '["3M tokens a month","All models"]', TRUE, CURRENT_TIMESTAMP, 'INR', 30),
  ('00000000-0000-0000-0000-0000000000a2', 'pro-usd', 'Pro', '3 million tokens every month',
   12.00, 3000000, '["3M tokens a month","All models"]', TRUE, CURRENT_TIMESTAMP, 'USD', 30);
