-- The API limits (apiLimits in the configuration): how many /v1 requests of one class a caller
-- (a tenant, or an operator key) has made in its current fixed window. Every node counts in this
-- table, so a limit holds across nodes. One row per caller and class: a request after the window
-- ended starts a new window in the same row, so old windows leave nothing behind.
-- caller_id is a tenant id or an operator key's id, never a key.
-- Its twin in postgresql/ is UNLOGGED (no WAL flush per request); H2 has no such tables.
CREATE TABLE api_request_counts (
    caller_kind   VARCHAR(16)              NOT NULL,
    caller_id     UUID                     NOT NULL,
    request_class VARCHAR(8)               NOT NULL,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    used          INTEGER                  NOT NULL,
    CONSTRAINT pk_api_request_counts PRIMARY KEY (caller_id, caller_kind, request_class),
    CONSTRAINT ck_api_request_counts_kind CHECK (caller_kind IN ('tenant', 'operator_key')),
    CONSTRAINT ck_api_request_counts_class CHECK (request_class IN ('read', 'write', 'check'))
);
