package io.leadbridge.connectors;

import java.util.Objects;
import java.util.UUID;

/**
 * Names one credential field of one integration, for the connector that asks; immutable. The
 * connector id is there for the audit trail ("connector hubspot read accessToken of integration
 * ..."), never for access decisions.
 *
 * @param tenantId the tenant that owns the integration
 * @param integrationId the integration
 * @param connectorId the connector whose call asks
 * @param field a credential field the connector's descriptor declares
 */
public record CredentialRef(UUID tenantId, UUID integrationId, String connectorId, String field) {

  public CredentialRef {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(integrationId, "integrationId");
    Objects.requireNonNull(connectorId, "connectorId");
    Objects.requireNonNull(field, "field");
  }
}
