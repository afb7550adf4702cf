package io.leadbridge.integrations.api;

import io.leadbridge.integrations.ConnectorDirectory.StartedConnector;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One STARTED connector in the operators' {@code GET /v1/connectors}: whether its rollout flag can
 * open it for any tenant, and why not; immutable.
 *
 * @param id the connector's id (its plugin's {@code Plugin-Id})
 * @param displayName what the connector calls itself
 * @param pluginVersion the running plugin version
 * @param flag the flag that gates it per tenant, {@code connector.<id>}
 * @param available whether the flag can be on for some tenant (its rollout then decides which)
 * @param reason one line: what decides, or why no tenant gets it
 */
public record StartedConnectorView(
    String id, String displayName, String pluginVersion, String flag, boolean available, @Schema(nullable = true) String reason) {

  public static StartedConnectorView of(StartedConnector connector) {
    return new StartedConnectorView(connector.descriptor().id(), connector.descriptor().displayName(),
        connector.descriptor().pluginVersion(), connector.flag().flag(), connector.flag().available(),
        connector.flag().reason());
  }
}
