-- Tokens held for replies still streaming, so concurrent replies cannot spend the same balance.
-- Available = balance - sum(reservations). A reservation is released when its reply settles.
CREATE TABLE token_reservations (
  id         UUID PRIMARY KEY,
  user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  message_id UUID NOT NULL UNIQUE,
  amount     BIGINT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_token_reservations_user ON token_reservations (user_id);

-- One charge per assistant message, however often settlement is retried.
CREATE UNIQUE INDEX uq_token_usage_message ON token_usage_logs (message_id);
