package io.leadbridge.leads.internal;

import java.util.UUID;

/**
 * An integration a new lead gets a delivery row for; immutable.
 *
 * @param kind the {@code deliveries.integration_kind} value
 * @param connector the connector it goes through (the rollout flag and bulkhead are per connector)
 */
public record IntegrationTarget(UUID id, String kind, String connector) {}
