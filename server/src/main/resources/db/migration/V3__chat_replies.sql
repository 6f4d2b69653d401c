-- What a reply needs besides the seed's columns: the user message it answers, the model that
-- wrote it, and the provider's input/output split of tokens_used.
ALTER TABLE chat_messages ADD COLUMN reply_to UUID;
ALTER TABLE chat_messages ADD COLUMN model VARCHAR(200);
ALTER TABLE chat_messages ADD COLUMN mode VARCHAR(30);
ALTER TABLE chat_messages ADD COLUMN input_tokens BIGINT NOT NULL DEFAULT 0;
ALTER TABLE chat_messages ADD COLUMN output_tokens BIGINT NOT NULL DEFAULT 0;
CREATE INDEX idx_chat_messages_reply_to ON chat_messages (reply_to);
