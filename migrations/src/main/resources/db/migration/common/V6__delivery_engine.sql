-- What the delivery engine adds to the outbox: the connector a delivery goes through (so rollout
-- gating and statistics need no join, and survive a removed integration), why a delivery is held,
-- when it was delivered, and the tenant's acknowledgement of a manual-queue entry.
ALTER TABLE deliveries ADD COLUMN connector_id VARCHAR(64);
ALTER TABLE deliveries ADD COLUMN hold_reason VARCHAR(32);
ALTER TABLE deliveries ADD COLUMN delivered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE deliveries ADD COLUMN acknowledged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE deliveries ADD CONSTRAINT ck_deliveries_hold_reason CHECK (hold_reason IS NULL OR hold_reason IN
    ('connector_not_enabled', 'integration_paused', 'integration_disabled'));

-- The engine's claim: due work of one integration, oldest first.
DROP INDEX ix_deliveries_integration;
CREATE INDEX ix_deliveries_integration_due ON deliveries (integration_id, status, next_attempt_at);
-- Rollout statistics and the operator's lists: by connector and status.
CREATE INDEX ix_deliveries_connector ON deliveries (connector_id, status, updated_at);
-- The tenant's manual queue.
CREATE INDEX ix_deliveries_tenant_status ON deliveries (tenant_id, status, updated_at);
