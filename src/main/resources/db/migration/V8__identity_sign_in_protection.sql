-- 身份认证 Identity: sign-in throttling that an attacker cannot turn against a person, and real-name levels.
--
-- The account-wide lockout (failed_logins, locked_until) goes: anyone who knew a user name could lock its holder
-- out. Failures are counted instead per (account, client address), per client address and per account
-- (SignInThrottle). A "subject" is an account ('account:<id>') or, for a typed identifier that names no account,
-- its keyed hash ('typed:<hmac>'), so that throttling looks the same for accounts that exist and for ones that do not.
-- Rows expire: a counter is forgotten once expires_at has passed without a new failure.

CREATE TABLE identity_sign_in_counter (
    scope              VARCHAR(16)  NOT NULL CHECK (scope IN ('SUBJECT_ADDRESS', 'ADDRESS', 'SUBJECT')),
    key                VARCHAR(200) NOT NULL,
    failures           INT          NOT NULL,
    blocked_until      TIMESTAMPTZ,
    expires_at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX identity_sign_in_counter_expires_idx ON identity_sign_in_counter (expires_at);

ALTER TABLE identity_account DROP COLUMN failed_logins;
ALTER TABLE identity_account DROP COLUMN locked_until;

-- 实名认证等级: how sure the platform is that the account holder is the person named. MOBILE_VERIFIED (the mobile
-- answered a code), REGISTRY_MATCHED (name and ID number, or name and credit code, matched the population or the
-- legal-person registry), IN_PERSON (a window clerk saw the ID card). Staff accounts are opened by a platform
-- administrator for a colleague known in person.
ALTER TABLE identity_account ADD COLUMN real_name_level VARCHAR(16) NOT NULL DEFAULT 'MOBILE_VERIFIED'
    CHECK (real_name_level IN ('MOBILE_VERIFIED', 'REGISTRY_MATCHED', 'IN_PERSON'));
UPDATE identity_account SET real_name_level = 'IN_PERSON' WHERE kind = 'STAFF';
-- Applicants opened before this version proved nothing about their mobile or their name: they keep the lowest level,
-- and items that require more send them to the registry check or the counter. The demo accounts of the embedded
-- default are in the demo registries (DemoBaseRegistries), so they are registry matched, as on a fresh start.
UPDATE identity_account SET real_name_level = 'REGISTRY_MATCHED'
WHERE (kind = 'CITIZEN' AND mobile IN ('13800000001', '13800000002', '13800000003'))
   OR (kind = 'ENTERPRISE' AND credit_code IN ('91377002HC10000182', '92377003HC10000268'));
ALTER TABLE identity_account ALTER COLUMN real_name_level DROP DEFAULT;
