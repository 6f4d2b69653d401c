-- A streaming reply's instance touches this while it generates; a reply whose heartbeat stopped was
-- cut off by a crash or a kill and is swept to 'interrupted' by any instance (with several instances
-- sharing the database, "streaming at start-up" no longer means "dead").
ALTER TABLE chat_messages ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX idx_chat_messages_streaming ON chat_messages (status, heartbeat_at);
