-- 身份认证 Identity: one-time codes sent by SMS, to reset a password or to prove a mobile number at registration.
-- The code itself is never stored: code_hash is its keyed HMAC-SM3 (with purpose and mobile), so a copy of the table
-- does not let anyone try the six digits offline. A code is spent once (used_at), expires (expires_at) and dies after
-- too many wrong tries (attempts). Rows stay a day, for the rate limits per mobile and per client address, and are
-- then deleted. A request for a mobile without an account stores a row too (sent = false): the answer and the rate
-- limits are the same whether or not an account has the number.

CREATE TABLE identity_one_time_code (
    id                 BIGSERIAL PRIMARY KEY,
    purpose            VARCHAR(16)  NOT NULL CHECK (purpose IN ('PASSWORD_RESET', 'REGISTRATION')),
    mobile             VARCHAR(11)  NOT NULL,
    code_hash          VARCHAR(64)  NOT NULL,
    sent               BOOLEAN      NOT NULL,
    client_address     VARCHAR(64)  NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    expires_at         TIMESTAMPTZ  NOT NULL,
    attempts           INT          NOT NULL DEFAULT 0,
    used_at            TIMESTAMPTZ
);
CREATE INDEX identity_one_time_code_mobile_idx ON identity_one_time_code (mobile, created_at);
CREATE INDEX identity_one_time_code_address_idx ON identity_one_time_code (client_address, created_at);
