-- Scheduled work that several instances all trigger runs on one of them per period: the instance
-- that moves locked_until forward holds the job until then (or until it releases it).
CREATE TABLE job_locks (
    name         VARCHAR(64) PRIMARY KEY,
    locked_until TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_by    VARCHAR(128) NOT NULL
);
