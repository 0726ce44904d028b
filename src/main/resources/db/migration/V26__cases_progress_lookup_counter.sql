-- Wrong guesses at the public progress lookup (办件进度查询) per client address: one address trying many case numbers
-- is held back for a while (ProgressLookupThrottle). The per-number limit reads cases_refused_access.
CREATE TABLE cases_lookup_counter (
    scope              VARCHAR(16)  NOT NULL CHECK (scope IN ('ADDRESS')),
    key                VARCHAR(200) NOT NULL,
    failures           INT          NOT NULL,
    blocked_until      TIMESTAMPTZ,
    expires_at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX cases_lookup_counter_expires_idx ON cases_lookup_counter (expires_at);
