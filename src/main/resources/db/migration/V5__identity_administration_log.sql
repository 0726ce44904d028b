-- 身份认证 Identity: the administration log (管理日志). One row for each change a platform administrator (or the
-- platform itself, such as the demo data or a catalogue import) makes to an account, a department or a service
-- centre: who, when, what, and the old and new values in short. Passwords are never written here.

CREATE TABLE identity_administration_log (
    id                 BIGSERIAL PRIMARY KEY,
    actor              VARCHAR(64)  NOT NULL,
    action             VARCHAR(32)  NOT NULL,
    account_id         UUID REFERENCES identity_account (id),
    department_id      UUID REFERENCES identity_department (id),
    service_centre_code VARCHAR(32) REFERENCES identity_service_centre (code),
    description        TEXT         NOT NULL,
    recorded_at        TIMESTAMPTZ  NOT NULL,
    CHECK (num_nonnulls(account_id, department_id, service_centre_code) = 1)
);
CREATE INDEX identity_administration_log_account_idx ON identity_administration_log (account_id);
CREATE INDEX identity_administration_log_department_idx ON identity_administration_log (department_id);
CREATE INDEX identity_administration_log_centre_idx ON identity_administration_log (service_centre_code);
