-- What the deadline watch could not do for a case (deem it accepted, raise an alert) and when it tries again: a case
-- that keeps failing waits, longer each time, so that it neither fills every pass's batch nor hides the cases behind
-- it. Operations read this table for the cases to look at; a success deletes the row.
CREATE TABLE cases_watch_failure (
    case_id             UUID         NOT NULL REFERENCES cases_case (id) ON DELETE CASCADE,
    -- DEEM_ACCEPTED, DUE_SOON or OVERDUE
    task                VARCHAR(16)  NOT NULL,
    attempts            INT          NOT NULL,
    first_failed_at     TIMESTAMPTZ  NOT NULL,
    last_failed_at      TIMESTAMPTZ  NOT NULL,
    retry_after         TIMESTAMPTZ  NOT NULL,
    error               TEXT         NOT NULL,
    PRIMARY KEY (case_id, task)
);
