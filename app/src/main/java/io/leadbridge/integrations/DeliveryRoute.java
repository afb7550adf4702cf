package io.leadbridge.integrations;

import io.leadbridge.connectors.IntegrationKey;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the delivery engine sends an integration's leads, read fresh for each batch; immutable.
 *
 * @param kind which table the integration lives in
 * @param integrationId the integration
 * @param tenantId its tenant
 * @param connectorId the connector plugin's id for third-party integrations; {@link #WEBHOOK} for
 *     internal ones (the bulkhead, metrics and rollout flag are per connector id)
 * @param enabled false when the tenant switched it off; its deliveries are held
 * @param status paused when its credentials were refused; its deliveries are held
 * @param baseUrl a third-party integration's own base URL, when it overrides the connector's default
 * @param settings a third-party integration's non-secret settings; empty for internal ones
 * @param account the vendor account whose shared budget paces its calls: what its connector's
 *     check named, a webhook's origin, or an account of its own
 */
public record DeliveryRoute(
    IntegrationKind kind,
    UUID integrationId,
    UUID tenantId,
    String connectorId,
    boolean enabled,
    IntegrationStatus status,
    Optional<URI> baseUrl,
    Map<String, String> settings,
    String account,
    DuplicatePolicy duplicates) {

  /** The connector id of internal integrations, served by the built-in webhook connector. */
  public static final String WEBHOOK = "webhook";

  public DeliveryRoute {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(integrationId, "integrationId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(connectorId, "connectorId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(duplicates, "duplicates");
    settings = Map.copyOf(settings);
  }

  /** The key its calls are paced and counted under. */
  public IntegrationKey key() {
    return new IntegrationKey(connectorId, tenantId, integrationId, account);
  }

  /** Whether leads may flow to it now (as far as the integration itself is concerned). */
  public boolean accepting() {
    return enabled && status == IntegrationStatus.ACTIVE;
  }
}
