-- The same shopper from several lead providers: each lead keeps keyed digests of its contact and
-- vehicle (never the values; the key derives from the tenant's data key), and a lead whose digest
-- matches one received within the duplicate window names the first lead as its duplicate_of.
ALTER TABLE leads ADD COLUMN duplicate_of UUID;

CREATE TABLE lead_fingerprints (
    tenant_id   UUID                     NOT NULL,
    digest      CHAR(64)                 NOT NULL,
    key_version INT                      NOT NULL,
    lead_id     UUID                     NOT NULL REFERENCES leads (id),
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_lead_fingerprints PRIMARY KEY (tenant_id, digest, lead_id)
);

CREATE INDEX ix_lead_fingerprints_match ON lead_fingerprints (tenant_id, digest, received_at);
