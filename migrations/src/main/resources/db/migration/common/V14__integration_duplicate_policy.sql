-- What an integration does with a lead marked as a duplicate of another: deliver it (the default),
-- deliver it marked (a custom field names the first lead), or skip it.
ALTER TABLE third_party_integrations ADD COLUMN duplicates VARCHAR(16) DEFAULT 'deliver' NOT NULL;
ALTER TABLE third_party_integrations ADD CONSTRAINT ck_third_party_duplicates
    CHECK (duplicates IN ('deliver', 'deliver-marked', 'suppress'));
ALTER TABLE internal_integrations ADD COLUMN duplicates VARCHAR(16) DEFAULT 'deliver' NOT NULL;
ALTER TABLE internal_integrations ADD CONSTRAINT ck_internal_duplicates
    CHECK (duplicates IN ('deliver', 'deliver-marked', 'suppress'));
