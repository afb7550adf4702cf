-- Key generations: how every node learns, within a second, that data keys changed elsewhere (a
-- tenant rotated or crypto-shredded on another node, every key rewrapped by a keys command), so
-- that no node goes on using an unwrapped key it cached before the change. Numbers only, no key
-- material.
--
-- One counter for the whole vault, raised by every change in the change's own transaction (its row
-- lock numbers the changes one at a time); all_tenants_since is the counter's value at the last
-- change of every tenant's keys. A node reads this one row at most once a second and, when the
-- counter moved, drops the cached keys of the tenants whose row below is newer than what it saw.
CREATE TABLE credentials.key_generation (
    id                INTEGER NOT NULL PRIMARY KEY,
    generation        BIGINT  NOT NULL,
    all_tenants_since BIGINT  NOT NULL,
    CONSTRAINT ck_key_generation_one_row CHECK (id = 1)
);

INSERT INTO credentials.key_generation (id, generation, all_tenants_since) VALUES (1, 0, 0);

-- The counter's value at each tenant's last key change (rotation, crypto-shredding).
CREATE TABLE credentials.tenant_key_generations (
    tenant_id  UUID   NOT NULL PRIMARY KEY,
    generation BIGINT NOT NULL
);

CREATE INDEX ix_tenant_key_generations_generation ON credentials.tenant_key_generations (generation);
