-- Tenants (dealerships) and the API keys that act for them or for operators.
-- Only a hash of each key's secret is stored; the key itself is shown once, at creation.
CREATE TABLE tenants (
    id            UUID                     NOT NULL PRIMARY KEY,
    name          VARCHAR(200)             NOT NULL,
    slug          VARCHAR(63)              NOT NULL,
    tier          VARCHAR(32),
    region        VARCHAR(32),
    status        VARCHAR(16)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    offboarded_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_tenants_slug UNIQUE (slug),
    CONSTRAINT ck_tenants_status CHECK (status IN ('active', 'offboarded'))
);

CREATE INDEX ix_tenants_created ON tenants (created_at, id);

CREATE TABLE api_keys (
    id          UUID                     NOT NULL PRIMARY KEY,
    tenant_id   UUID                     REFERENCES tenants (id),
    role        VARCHAR(20)              NOT NULL,
    label       VARCHAR(200)             NOT NULL,
    secret_hash VARCHAR(64)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_api_keys_role CHECK (role IN ('OPERATOR', 'TENANT_ADMIN', 'TENANT_WRITER')),
    CONSTRAINT ck_api_keys_scope CHECK ((role = 'OPERATOR' AND tenant_id IS NULL)
                                     OR (role <> 'OPERATOR' AND tenant_id IS NOT NULL))
);

CREATE INDEX ix_api_keys_tenant ON api_keys (tenant_id, created_at, id);
