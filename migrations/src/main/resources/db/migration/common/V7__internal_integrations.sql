-- A tenant's own system, served by the built-in webhook deliverer. Secrets (the signing secret and
-- the auth flow's api key, password or client secret) are not here: only credential_id, a reference
-- into the vault (credentials.envelopes). The auth_* columns hold the flow's non-secret settings.
CREATE TABLE internal_integrations (
    id               UUID                     NOT NULL PRIMARY KEY,
    tenant_id        UUID                     NOT NULL REFERENCES tenants (id),
    name             VARCHAR(200)             NOT NULL,
    endpoint_url     VARCHAR(2048)            NOT NULL,
    endpoint_method  VARCHAR(8)               NOT NULL,
    endpoint_headers VARCHAR(20000)           NOT NULL,
    timeout_ms       INTEGER                  NOT NULL,
    auth_type        VARCHAR(32)              NOT NULL,
    auth_header_name VARCHAR(100),
    auth_username    VARCHAR(200),
    auth_token_url   VARCHAR(2048),
    auth_client_id   VARCHAR(200),
    auth_scopes      VARCHAR(2000),
    field_mappings   VARCHAR(20000)           NOT NULL,
    credential_id    UUID,
    enabled          BOOLEAN                  NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    status_reason    VARCHAR(300),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_internal_status CHECK (status IN ('active', 'paused')),
    CONSTRAINT ck_internal_method CHECK (endpoint_method IN ('POST', 'PUT', 'PATCH')),
    CONSTRAINT ck_internal_timeout CHECK (timeout_ms BETWEEN 100 AND 60000),
    CONSTRAINT ck_internal_auth_type CHECK (auth_type IN
        ('none', 'api-key-header', 'basic', 'oauth2-client-credentials'))
);

CREATE INDEX ix_internal_tenant ON internal_integrations (tenant_id, created_at, id);
