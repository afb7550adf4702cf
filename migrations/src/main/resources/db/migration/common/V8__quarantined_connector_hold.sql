-- A delivery may also wait, held, because its connector's plugin was quarantined for what its
-- calls did (connectors.containment.quarantineAfter); it flows again once the plugin is reloaded.
ALTER TABLE deliveries DROP CONSTRAINT ck_deliveries_hold_reason;
ALTER TABLE deliveries ADD CONSTRAINT ck_deliveries_hold_reason CHECK (hold_reason IS NULL OR hold_reason IN
    ('connector_not_enabled', 'integration_paused', 'integration_disabled', 'connector_quarantined'));
