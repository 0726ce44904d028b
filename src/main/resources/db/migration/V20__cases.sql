-- 办件 Cases: one row per case with the columns lists query and the whole aggregate as JSON; the submission's
-- idempotency record; the hash-chained audit; the due-soon/overdue claims; drafts; uploaded files; refused access.

CREATE SEQUENCE cases_number_seq;

CREATE TABLE cases_case (
    id                  UUID PRIMARY KEY,
    number              VARCHAR(23)  NOT NULL UNIQUE,
    item_code           VARCHAR(40)  NOT NULL,
    item_version        INT          NOT NULL,
    item_name           TEXT         NOT NULL,
    department_id       UUID         NOT NULL,
    accepting_centre    VARCHAR(32),
    applicant_id        UUID         NOT NULL,
    applicant_name      TEXT         NOT NULL,
    status              VARCHAR(24)  NOT NULL,
    step                INT          NOT NULL,
    step_role           VARCHAR(32),
    step_name           TEXT,
    assignee_id         UUID,
    received_on         DATE         NOT NULL,
    acceptance_due      DATE,
    promised_due        DATE,
    statutory_due       DATE,
    -- the first of the three: what an inbox sorts by; NULL sorts last (a stopped clock)
    due                 DATE,
    submitted_at        TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    mobile_tail         CHAR(4),
    -- the last entry of the audit chain: deleting the newest entries would otherwise go unnoticed
    audit_seq           INT          NOT NULL DEFAULT 0,
    audit_head          VARCHAR(64)  NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
    state               JSONB        NOT NULL,
    version             BIGINT       NOT NULL
);
-- Staff inboxes read open cases only, by department (or by step role for the counter) and due date.
CREATE INDEX cases_case_open_department_idx ON cases_case (department_id, due, id)
    WHERE status IN ('SUBMITTED', 'AWAITING_CORRECTION', 'IN_PROGRESS', 'SUSPENDED', 'APPROVED');
CREATE INDEX cases_case_open_status_idx ON cases_case (status, due, id)
    WHERE status IN ('SUBMITTED', 'AWAITING_CORRECTION', 'IN_PROGRESS', 'SUSPENDED', 'APPROVED');
CREATE INDEX cases_case_applicant_idx ON cases_case (applicant_id, submitted_at DESC, id);
-- The counter's desk: applications awaiting acceptance, wherever they are handled (收受分离).
CREATE INDEX cases_case_awaiting_idx ON cases_case (acceptance_due, id) WHERE status = 'SUBMITTED';

-- One submission per applicant and Idempotency-Key: a retried request finds its case here.
CREATE TABLE cases_submission (
    applicant_id        UUID         NOT NULL,
    idempotency_key     VARCHAR(64)  NOT NULL,
    request_hash        VARCHAR(64)  NOT NULL,
    -- checked at commit: the key is claimed first, so that a retry waits for the first attempt and finds its case
    case_id             UUID         NOT NULL REFERENCES cases_case (id) DEFERRABLE INITIALLY DEFERRED,
    created_at          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (applicant_id, idempotency_key)
);

-- The audit: one row per event, chained by SHA-256 per case; rows are never updated or deleted.
CREATE TABLE cases_entry (
    id                  BIGSERIAL PRIMARY KEY,
    case_id             UUID         NOT NULL REFERENCES cases_case (id),
    seq                 INT          NOT NULL,
    event               VARCHAR(48)  NOT NULL,
    actor_id            UUID         NOT NULL,
    actor_name          TEXT         NOT NULL,
    actor_role          VARCHAR(32),
    occurred_at         TIMESTAMPTZ  NOT NULL,
    recorded_at         TIMESTAMPTZ  NOT NULL,
    from_status         VARCHAR(24)  NOT NULL,
    to_status           VARCHAR(24)  NOT NULL,
    opinion             TEXT,
    -- text, not jsonb: the hash covers these exact characters
    deadlines_before    TEXT         NOT NULL,
    deadlines_after     TEXT         NOT NULL,
    payload             TEXT         NOT NULL,
    previous_hash       VARCHAR(64)  NOT NULL,
    hash                VARCHAR(64)  NOT NULL,
    UNIQUE (case_id, seq)
);

CREATE FUNCTION cases_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'cases_entry is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER cases_entry_no_update BEFORE UPDATE OR DELETE ON cases_entry
    FOR EACH ROW EXECUTE FUNCTION cases_entry_append_only();

-- Due-soon and overdue are raised once per case, deadline and level, whatever the number of instances.
CREATE TABLE cases_deadline_alert (
    case_id             UUID         NOT NULL REFERENCES cases_case (id),
    deadline            VARCHAR(16)  NOT NULL,
    due                 DATE         NOT NULL,
    level               VARCHAR(16)  NOT NULL,
    raised_at           TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (case_id, deadline, due, level)
);

-- The applicant's drafts: saved and resumed, never a case until submitted.
CREATE TABLE cases_draft (
    id                  UUID PRIMARY KEY,
    applicant_id        UUID         NOT NULL,
    item_code           VARCHAR(40)  NOT NULL,
    form                JSONB        NOT NULL,
    materials           JSONB        NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX cases_draft_applicant_idx ON cases_draft (applicant_id, updated_at DESC);

-- Files uploaded for cases: the bytes are in the file store under their SHA-256; this says whose they are.
CREATE TABLE cases_file (
    sha256              VARCHAR(64)  NOT NULL,
    owner_id            UUID         NOT NULL,
    file_name           TEXT         NOT NULL,
    media_type          VARCHAR(64)  NOT NULL,
    size                BIGINT       NOT NULL,
    uploaded_at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (owner_id, sha256)
);

-- Attempts to see or act on a case one may not touch.
CREATE TABLE cases_refused_access (
    id                  BIGSERIAL PRIMARY KEY,
    case_number         VARCHAR(23),
    account_id          UUID,
    action              VARCHAR(48)  NOT NULL,
    reason              TEXT         NOT NULL,
    at                  TIMESTAMPTZ  NOT NULL
);
