package io.leadbridge.connectors;

import java.util.Objects;
import java.util.UUID;

/**
 * Whose vendor calls these are: one connector's calls for one integration, and the vendor account
 * that integration's credentials spend, whose budget every integration and node on that account
 * shares; immutable.
 *
 * @param connectorId the connector
 * @param tenantId the tenant that owns the integration
 * @param integrationId the integration
 * @param account the vendor account (see {@link #ownAccount}); budgets are kept per connector and account
 */
public record IntegrationKey(String connectorId, UUID tenantId, UUID integrationId, String account) {

  public IntegrationKey {
    Objects.requireNonNull(connectorId, "connectorId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(integrationId, "integrationId");
    Objects.requireNonNull(account, "account");
  }

  /** The key of an integration whose vendor account is not known: it is paced as an account of its own. */
  public IntegrationKey(String connectorId, UUID tenantId, UUID integrationId) {
    this(connectorId, tenantId, integrationId, ownAccount(integrationId));
  }

  /** The account name of an integration that shares its vendor account with no other one. */
  public static String ownAccount(UUID integrationId) {
    return "integration:" + integrationId;
  }
}
