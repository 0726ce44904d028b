-- The one-time link that creates the first platform administrator on a database without one (no demo data, no
-- TONGBAN_ADMIN_PASSWORD). Only the SHA-256 of the token is kept; a new start without an administrator replaces it.
CREATE TABLE identity_setup_token (
    token_hash  text        PRIMARY KEY,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
