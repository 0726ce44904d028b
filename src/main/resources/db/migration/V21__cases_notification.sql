-- Notices to applicants at each milestone of their cases (办件进度提醒): shown in the platform and, where the account
-- has a mobile, sent as a text message. One row per case event: a delivery again by the event publication registry
-- finds its row and sends nothing twice.
CREATE TABLE cases_notification (
    id                  UUID PRIMARY KEY,
    applicant_id        UUID         NOT NULL,
    case_number         VARCHAR(23)  NOT NULL,
    event               VARCHAR(40)  NOT NULL,
    occurred_at         TIMESTAMPTZ  NOT NULL,
    text                TEXT         NOT NULL,
    texted              BOOLEAN      NOT NULL,
    read_at             TIMESTAMPTZ,
    CONSTRAINT cases_notification_once UNIQUE (case_number, event, occurred_at)
);
CREATE INDEX cases_notification_applicant_idx ON cases_notification (applicant_id, occurred_at DESC, id);
CREATE INDEX cases_notification_unread_idx ON cases_notification (applicant_id) WHERE read_at IS NULL;
