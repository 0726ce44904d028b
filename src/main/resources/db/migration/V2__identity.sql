-- 身份认证 Identity: departments, service centres, accounts, personal-data access log

CREATE TABLE identity_department (
    id                 UUID PRIMARY KEY,
    credit_code        VARCHAR(18)  NOT NULL UNIQUE,
    name               TEXT         NOT NULL,
    short_name         TEXT         NOT NULL,
    name_en            TEXT,
    region_code        VARCHAR(12)  NOT NULL,
    parent_id          UUID REFERENCES identity_department (id),
    address            TEXT,
    phone              TEXT,
    office_hours       TEXT,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);

CREATE TABLE identity_service_centre (
    code               VARCHAR(32) PRIMARY KEY,
    name               TEXT        NOT NULL,
    region_code        VARCHAR(12) NOT NULL,
    address            TEXT,
    phone              TEXT,
    opening_hours      TEXT
);

CREATE TABLE identity_account (
    id                 UUID PRIMARY KEY,
    kind               VARCHAR(16)  NOT NULL CHECK (kind IN ('STAFF', 'CITIZEN', 'ENTERPRISE')),
    username           VARCHAR(64)  NOT NULL UNIQUE,
    display_name       TEXT         NOT NULL,
    password_hash      TEXT         NOT NULL,
    mobile             VARCHAR(11) UNIQUE,
    -- ID number of the citizen, or of the enterprise's legal representative: SM4-GCM ciphertext, keyed SM3 hash
    -- for lookup, masked form for display. The clear number is never stored.
    id_number_cipher   BYTEA,
    id_number_hash     VARCHAR(64) UNIQUE,
    id_number_masked   VARCHAR(18),
    credit_code        VARCHAR(18) UNIQUE,
    legal_representative TEXT,
    department_id      UUID REFERENCES identity_department (id),
    roles              TEXT[]       NOT NULL,
    enabled            BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins      INT          NOT NULL DEFAULT 0,
    locked_until       TIMESTAMPTZ,
    created_at         TIMESTAMPTZ  NOT NULL
);

CREATE TABLE identity_personal_data_access (
    id                 BIGSERIAL PRIMARY KEY,
    accessed_by        VARCHAR(64)  NOT NULL,
    subject_account_id UUID         NOT NULL REFERENCES identity_account (id),
    data_item          VARCHAR(32)  NOT NULL,
    purpose            TEXT         NOT NULL,
    accessed_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX identity_personal_data_access_subject_idx ON identity_personal_data_access (subject_account_id);
