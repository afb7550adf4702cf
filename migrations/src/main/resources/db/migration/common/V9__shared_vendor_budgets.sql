-- Vendor budgets shared by every node and every integration drawing on one vendor account (the
-- rooftops of one dealer group on one HubSpot portal): one row per connector and account, read and
-- changed under its row lock, so N nodes never send more than the vendor's N per window together.
CREATE TABLE vendor_budgets (
    connector_id     VARCHAR(64)              NOT NULL,
    account          VARCHAR(200)             NOT NULL,
    window_ms        BIGINT                   NOT NULL,
    -- The connector's documented limit per window, and the vendor's own when its headers said one.
    profile_limit    INTEGER                  NOT NULL,
    reported_limit   INTEGER,
    day_limit        BIGINT,
    day_zone         VARCHAR(64),
    day_used         BIGINT                   NOT NULL,
    day_resets_at    TIMESTAMP WITH TIME ZONE,
    -- The vendor said no calls until then (Retry-After, a 429, a used-up daily limit).
    paused_until     TIMESTAMP WITH TIME ZONE,
    pause_scope      VARCHAR(16),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (connector_id, account),
    CONSTRAINT ck_vendor_budgets_scope CHECK (pause_scope IS NULL OR pause_scope IN ('window', 'daily'))
);

-- The requests that may be inside each account's rolling window: an exact log, not a token bucket
-- (which lets up to twice the limit into one rolling window). A request counts from when it is
-- granted until a window after it ended (the vendor saw it by then, if ever), so the log stays exact
-- however long a request takes to reach the vendor. Rows out of every window are deleted as new
-- requests are granted.
CREATE TABLE vendor_budget_sends (
    id               UUID                     NOT NULL PRIMARY KEY,
    connector_id     VARCHAR(64)              NOT NULL,
    account          VARCHAR(200)             NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_vendor_budget_sends ON vendor_budget_sends (connector_id, account, sent_at);

-- Circuit breakers open on some node, so every node leaves the integration alone until then.
CREATE TABLE delivery_breakers (
    integration_id   UUID                     NOT NULL PRIMARY KEY,
    connector_id     VARCHAR(64)              NOT NULL,
    opened_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    open_until       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The vendor account an integration's credential spends, as its connector's check named it.
ALTER TABLE third_party_integrations ADD COLUMN vendor_account VARCHAR(200);
