-- Leads as the tenant sent them (validated, canonical JSON), the per-tenant idempotency keys of
-- POST /v1/leads, and the delivery outbox: one row per lead and integration, written in the same
-- transaction as the lead, worked off later by the delivery engine.
CREATE TABLE leads (
    id          UUID                     NOT NULL PRIMARY KEY,
    tenant_id   UUID                     NOT NULL REFERENCES tenants (id),
    external_id VARCHAR(200),
    body        VARCHAR(1000000)         NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_leads_tenant ON leads (tenant_id, created_at, id);
CREATE INDEX ix_leads_external ON leads (tenant_id, external_id);

-- One row per (tenant, key). A request claims its key by inserting the row first (state in_flight,
-- committed on its own), so the primary key decides the one winner on both databases; the winner
-- completes the row in the lead's transaction, guarded by its claim token.
CREATE TABLE lead_idempotency_keys (
    tenant_id       UUID                     NOT NULL REFERENCES tenants (id),
    idempotency_key VARCHAR(255)             NOT NULL,
    request_hash    VARCHAR(64)              NOT NULL,
    claim_token     UUID                     NOT NULL,
    state           VARCHAR(16)              NOT NULL,
    lead_id         UUID                     REFERENCES leads (id),
    response_status INTEGER,
    response_body   VARCHAR(200000),
    claimed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_lead_idempotency_keys PRIMARY KEY (tenant_id, idempotency_key),
    CONSTRAINT ck_lead_idempotency_state CHECK (state IN ('in_flight', 'completed')),
    CONSTRAINT ck_lead_idempotency_completed CHECK (state = 'in_flight'
        OR (lead_id IS NOT NULL AND response_status IS NOT NULL AND response_body IS NOT NULL))
);

-- integration_id has no foreign key: it names a row of third_party_integrations or (later)
-- internal_integrations, by integration_kind, and a removed integration keeps its history here.
CREATE TABLE deliveries (
    id                 UUID                     NOT NULL PRIMARY KEY,
    tenant_id          UUID                     NOT NULL REFERENCES tenants (id),
    lead_id            UUID                     NOT NULL REFERENCES leads (id),
    integration_id     UUID                     NOT NULL,
    integration_kind   VARCHAR(16)              NOT NULL,
    status             VARCHAR(16)              NOT NULL,
    attempts           INTEGER                  NOT NULL,
    next_attempt_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner        VARCHAR(100),
    lease_until        TIMESTAMP WITH TIME ZONE,
    last_error_code    VARCHAR(100),
    last_error_message VARCHAR(1000),
    remote_id          VARCHAR(200),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_deliveries_lead_integration UNIQUE (lead_id, integration_id),
    CONSTRAINT ck_deliveries_kind CHECK (integration_kind IN ('third_party', 'internal')),
    CONSTRAINT ck_deliveries_status CHECK (status IN
        ('pending', 'in_flight', 'delivered', 'retrying', 'held', 'dead', 'manual', 'skipped')),
    CONSTRAINT ck_deliveries_attempts CHECK (attempts >= 0)
);

-- The engine's claim query: due work by status and time.
CREATE INDEX ix_deliveries_due ON deliveries (status, next_attempt_at);
CREATE INDEX ix_deliveries_integration ON deliveries (integration_id, status);
