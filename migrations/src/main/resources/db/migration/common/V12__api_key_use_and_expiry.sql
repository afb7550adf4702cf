-- Operators list their keys with when each was last used (written at most once a minute per key
-- and node, not on every request) and when it expires; an expired key authenticates no more.
ALTER TABLE api_keys ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_keys ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_api_keys_role ON api_keys (role, created_at, id);
