-- A tenant's account at a CRM vendor, served by a connector plugin. Credentials are not here: only
-- credential_id, a reference into the vault (credentials.envelopes).
CREATE TABLE third_party_integrations (
    id             UUID                     NOT NULL PRIMARY KEY,
    tenant_id      UUID                     NOT NULL REFERENCES tenants (id),
    connector      VARCHAR(64)              NOT NULL,
    name           VARCHAR(200)             NOT NULL,
    base_url       VARCHAR(2048),
    settings       VARCHAR(20000)           NOT NULL,
    field_mappings VARCHAR(20000)           NOT NULL,
    credential_id  UUID,
    enabled        BOOLEAN                  NOT NULL,
    status         VARCHAR(16)              NOT NULL,
    status_reason  VARCHAR(300),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_third_party_status CHECK (status IN ('active', 'paused'))
);

CREATE INDEX ix_third_party_tenant ON third_party_integrations (tenant_id, created_at, id);
