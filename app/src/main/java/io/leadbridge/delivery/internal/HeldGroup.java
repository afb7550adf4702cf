package io.leadbridge.delivery.internal;

import java.util.UUID;

/**
 * The held deliveries of one integration for one reason, as the releaser checks them; immutable.
 *
 * @param kind the {@code deliveries.integration_kind} value
 * @param holdReason the {@code deliveries.hold_reason} value
 */
public record HeldGroup(UUID integrationId, String kind, UUID tenantId, String connectorId, String holdReason) {}
