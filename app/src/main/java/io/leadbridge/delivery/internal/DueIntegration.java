package io.leadbridge.delivery.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * An integration with deliveries due now, as the dispatcher sees it before claiming; immutable.
 *
 * @param kind the {@code deliveries.integration_kind} value
 * @param oldestDue when its longest-waiting due delivery became due
 */
public record DueIntegration(UUID integrationId, String kind, UUID tenantId, String connectorId, Instant oldestDue) {}
