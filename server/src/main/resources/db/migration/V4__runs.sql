-- Commands run in a project's sandbox: one-off commands and the detected install + dev server.
-- The output itself is a file beside the workspace; the row is what the Output tab lists.
CREATE TABLE runs (
  id          UUID PRIMARY KEY,
  project_id  UUID NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  user_id     UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  command     TEXT NOT NULL,
  status      VARCHAR(20) NOT NULL,
  exit_code   INTEGER,
  started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  ended_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX idx_runs_project ON runs (project_id, started_at);
