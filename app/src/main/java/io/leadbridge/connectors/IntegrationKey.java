package io.leadbridge.connectors;

import java.util.Objects;
import java.util.UUID;

/**
 * The unit the rate limiter works per: one connector's calls for one integration; immutable.
 *
 * @param connectorId the connector
 * @param tenantId the tenant that owns the integration
 * @param integrationId the integration
 */
public record IntegrationKey(String connectorId, UUID tenantId, UUID integrationId) {

  public IntegrationKey {
    Objects.requireNonNull(connectorId, "connectorId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(integrationId, "integrationId");
  }
}
