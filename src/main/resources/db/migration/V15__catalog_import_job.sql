-- 目录导入任务 Catalogue import jobs: an uploaded exchange document waits here until the background worker
-- (CatalogueImportWorker) has imported it; the job page reads its state and progress from here.
-- No earlier table for this existed (no leftover to reuse or drop).

CREATE TABLE catalog_import_job (
    id                 UUID PRIMARY KEY,
    state              VARCHAR(16) NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    -- The file as uploaded (JSON or gzip), kept until the job has finished; its hash and size stay.
    document           BYTEA,
    document_sha256    VARCHAR(64) NOT NULL,
    document_size      BIGINT      NOT NULL,
    -- Who submitted it, from the security context of the upload; the job runs as this account, with its roles
    -- as they are when it runs.
    submitted_by_id    UUID        NOT NULL,
    submitted_by       VARCHAR(64) NOT NULL,
    submitted_by_name  TEXT        NOT NULL,
    submitted_at       TIMESTAMPTZ NOT NULL,
    started_at         TIMESTAMPTZ,
    finished_at        TIMESTAMPTZ,
    -- Incremented by every claim; a run writes only while the job still carries its own attempt (a fencing
    -- token against a run that was taken for interrupted and started again).
    attempts           INT         NOT NULL DEFAULT 0,
    items_total        INT,
    items_checked      INT         NOT NULL DEFAULT 0,
    items_stored       INT         NOT NULL DEFAULT 0,
    -- SUCCEEDED: the ImportReport. FAILED: the refusal's violations (at most the first 1,000, error_count says
    -- how many there were), or failure, another reason: interrupted (too often), not-allowed (the submitter may no longer import), error.
    result             JSONB,
    errors             JSONB,
    error_count        INT,
    failure            VARCHAR(64),
    failure_detail     TEXT,
    CHECK ((state = 'SUCCEEDED') = (result IS NOT NULL)),
    CHECK (state <> 'FAILED' OR errors IS NOT NULL OR failure IS NOT NULL),
    CHECK (state NOT IN ('SUCCEEDED', 'FAILED') OR (document IS NULL AND finished_at IS NOT NULL))
);

-- The worker's queue, oldest first; and the transfer page's list of recent jobs.
CREATE INDEX catalog_import_job_queued_idx ON catalog_import_job (submitted_at, id) WHERE state = 'QUEUED';
CREATE INDEX catalog_import_job_running_idx ON catalog_import_job (started_at) WHERE state = 'RUNNING';
CREATE INDEX catalog_import_job_submitted_idx ON catalog_import_job (submitted_at DESC);
