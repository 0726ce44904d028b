-- Bearer tokens for API clients (ApiTokens): a token issued before this moment is no longer accepted. Set when the
-- account's sessions end (password, roles or department changed, account disabled) and when its holder revokes
-- every token (DELETE /api/v1/session/token). Null: every unexpired token of the account is good.
ALTER TABLE identity_account ADD COLUMN tokens_valid_from TIMESTAMPTZ;
