-- The append-only audit trail: who did what to which object, when, and why. Never a value: for a
-- credential the subject is its id and the purpose says what it was opened for.
CREATE TABLE audit_events (
    id        UUID                     NOT NULL PRIMARY KEY,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    tenant_id UUID,
    actor     VARCHAR(100)             NOT NULL,
    action    VARCHAR(64)              NOT NULL,
    subject   VARCHAR(200),
    purpose   VARCHAR(200)
);

CREATE INDEX ix_audit_events_at ON audit_events (at, id);
CREATE INDEX ix_audit_events_tenant ON audit_events (tenant_id, at, id);
