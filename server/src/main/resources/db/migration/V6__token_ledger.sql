-- The wallet's ledger: every token in (+) or out (-) is one row that is never changed, and
-- user_wallets.balance is a cache of its sum, updated in the same transaction. (kind, reference)
-- makes each event count once: a message is charged once, an order credited once, a grant given
-- once, however often the code that records it is retried.
CREATE TABLE token_ledger (
  id         UUID PRIMARY KEY,
  user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  amount     BIGINT NOT NULL,
  kind       VARCHAR(30) NOT NULL,
  reference  VARCHAR(200) NOT NULL,
  -- no foreign keys on these two: a deleted project or message must not rewrite the ledger
  project_id UUID,
  message_id UUID,
  note       VARCHAR(500),
  created_by UUID,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_token_ledger_reference UNIQUE (kind, reference)
);
CREATE INDEX idx_token_ledger_user ON token_ledger (user_id, created_at);

INSERT INTO token_ledger (id, user_id, amount, kind, reference, project_id, message_id, created_at)
SELECT id,
       user_id,
       CASE WHEN operation_type = 'ai_usage' THEN -tokens_used ELSE tokens_used END,
       operation_type,
       CASE WHEN operation_type = 'grant' THEN CAST(user_id AS VARCHAR(200))
            ELSE COALESCE(CAST(message_id AS VARCHAR(200)), CAST(id AS VARCHAR(200))) END,
       project_id,
       message_id,
       created_at
FROM token_usage_logs;

DROP TABLE token_usage_logs;
