-- 事项 Catalogue: items, their versions (whole content as JSONB), themes, attachments, search synonyms, imports

CREATE TABLE catalog_theme (
    code        VARCHAR(32) PRIMARY KEY,
    audience    VARCHAR(16) NOT NULL CHECK (audience IN ('PERSON', 'ORGANISATION')),
    name        TEXT        NOT NULL,
    name_en     TEXT        NOT NULL,
    sort_order  INT         NOT NULL
);

CREATE TABLE catalog_item (
    code            VARCHAR(31) PRIMARY KEY,      -- 实施编码
    basic_code      VARCHAR(12) NOT NULL,         -- 基本编码
    department_id   UUID        NOT NULL,         -- identity_department.id (another module: by ID only)
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX catalog_item_department_idx ON catalog_item (department_id);

CREATE TABLE catalog_item_version (
    id              BIGSERIAL PRIMARY KEY,
    item_code       VARCHAR(31) NOT NULL REFERENCES catalog_item (code),
    version_no      INT         NOT NULL,
    status          VARCHAR(16) NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'PUBLISHED')),
    effective_from  DATE,
    name            TEXT        NOT NULL,
    content         JSONB       NOT NULL,
    content_hash    VARCHAR(64) NOT NULL,
    change_note     TEXT,
    created_by      VARCHAR(64) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    submitted_by    VARCHAR(64),
    submitted_at    TIMESTAMPTZ,
    reviewed_by     VARCHAR(64),
    reviewed_at     TIMESTAMPTZ,
    review_comment  TEXT,
    UNIQUE (item_code, version_no)
);
-- An item has at most one version being worked on at a time.
CREATE UNIQUE INDEX catalog_item_version_one_open_idx ON catalog_item_version (item_code)
    WHERE status IN ('DRAFT', 'SUBMITTED', 'RETURNED');
CREATE INDEX catalog_item_version_published_idx ON catalog_item_version (item_code, version_no DESC)
    WHERE status = 'PUBLISHED';
CREATE INDEX catalog_item_version_status_idx ON catalog_item_version (status);

CREATE TABLE catalog_file (
    sha256        VARCHAR(64) PRIMARY KEY,
    content_type  TEXT        NOT NULL,
    size          BIGINT      NOT NULL,
    data          BYTEA       NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE catalog_synonym (
    id          BIGSERIAL PRIMARY KEY,
    rule        TEXT        NOT NULL UNIQUE,     -- Solr synonym syntax: 新生儿, 生孩子, 出生
    created_by  VARCHAR(64) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE catalog_import (
    id            BIGSERIAL PRIMARY KEY,
    document_sha256 VARCHAR(64) NOT NULL,
    imported_by   VARCHAR(64) NOT NULL,
    imported_at   TIMESTAMPTZ NOT NULL,
    created       INT NOT NULL,
    updated       INT NOT NULL,
    unchanged     INT NOT NULL
);
