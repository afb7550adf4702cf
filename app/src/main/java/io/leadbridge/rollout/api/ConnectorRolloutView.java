package io.leadbridge.rollout.api;

import io.leadbridge.rollout.ConnectorActivity;

/**
 * One connector's line in {@code GET /v1/rollout}; immutable.
 *
 * @param flag the Unleash flag that gates it
 * @param tenantsEnabled active tenants the flag is on for now
 * @param tenantsTotal active tenants
 * @param deliveries its delivery numbers
 */
public record ConnectorRolloutView(
    String connector, String flag, int tenantsEnabled, int tenantsTotal, ConnectorActivity deliveries) {}
