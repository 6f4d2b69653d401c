-- What a user can buy, priced in minor units (paise, cents) so no amount is ever a float.
CREATE TABLE token_packages (
  id          VARCHAR(50) PRIMARY KEY,
  name        VARCHAR(100) NOT NULL,
  tokens      BIGINT NOT NULL,
  price_minor BIGINT NOT NULL,
  currency    VARCHAR(3) NOT NULL,
  active      BOOLEAN NOT NULL DEFAULT TRUE,
  sort_order  INTEGER NOT NULL
);

INSERT INTO token_packages (id, name, tokens, price_minor, currency, sort_order) VALUES
  ('starter-inr', 'Starter', 500000, 49900, 'INR', 1),
  ('builder-inr', 'Builder', 2000000, 149900, 'INR', 2),
  ('team-inr', 'Team', 10000000, 599900, 'INR', 3),
  ('starter-usd', 'Starter', 500000, 600, 'USD', 4),
  ('builder-usd', 'Builder', 2000000, 1800, 'USD', 5),
  ('team-usd', 'Team', 10000000, 7200, 'USD', 6);

-- A purchase: created -> paid -> credited, or failed / expired / refunded. The gateway's own id
-- for it is unique, so a webhook delivered twice finds the same order.
CREATE TABLE token_orders (
  id           UUID PRIMARY KEY,
  user_id      UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  package_id   VARCHAR(50) NOT NULL REFERENCES token_packages (id),
  tokens       BIGINT NOT NULL,
  amount_minor BIGINT NOT NULL,
  currency     VARCHAR(3) NOT NULL,
  gateway      VARCHAR(20) NOT NULL,
  gateway_ref  VARCHAR(200),
  checkout_url VARCHAR(2000),
  status       VARCHAR(20) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_token_orders_gateway_ref UNIQUE (gateway, gateway_ref)
);
CREATE INDEX idx_token_orders_user ON token_orders (user_id, created_at);
