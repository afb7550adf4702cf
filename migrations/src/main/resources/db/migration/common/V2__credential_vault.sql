-- The credential vault's dedicated storage, in its own schema so it can be granted, backed up and
-- audited apart from application data. It holds only ciphertext, wrapped keys, key ids and
-- versions; application tables hold a credential's id, never its material. No foreign key to the
-- application schema: the vault could move to its own database.

CREATE SCHEMA IF NOT EXISTS credentials;

-- A tenant's data keys, each wrapped by a key-encryption key (KEK) with the encryption context
-- {"tenant": "<id>"}. The highest version encrypts new secrets; older ones remain until no
-- envelope uses them.
CREATE TABLE credentials.data_keys (
    tenant_id   UUID                     NOT NULL,
    version     INTEGER                  NOT NULL,
    kek_id      VARCHAR(2048)            NOT NULL,
    wrapped_key BYTEA                    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_data_keys PRIMARY KEY (tenant_id, version),
    CONSTRAINT ck_data_keys_version CHECK (version >= 1)
);

-- One envelope per credential (all its fields); see ops/keys/ENVELOPE-FORMAT.md.
CREATE TABLE credentials.envelopes (
    id          UUID                     NOT NULL PRIMARY KEY,
    tenant_id   UUID                     NOT NULL,
    key_version INTEGER                  NOT NULL,
    envelope    BYTEA                    NOT NULL,
    field_names VARCHAR(1200)            NOT NULL,
    fingerprint CHAR(8)                  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_envelopes_tenant ON credentials.envelopes (tenant_id, key_version);

-- Tenants whose keys were destroyed; no data key is ever created for them again.
CREATE TABLE credentials.shredded_tenants (
    tenant_id   UUID                     NOT NULL PRIMARY KEY,
    shredded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
