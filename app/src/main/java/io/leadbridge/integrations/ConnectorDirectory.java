package io.leadbridge.integrations;

import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.rollout.FlagAvailability;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What integrations need of the plugin host and the rollout: the connectors a tenant may use now,
 * the started ones, and a way to run a connector's check for one integration. Implemented by the wiring over the host; thread-safe.
 */
public interface ConnectorDirectory {

  /** The descriptors of the connectors this tenant may use now (plugin started, rollout on). */
  List<ConnectorDescriptor> availableTo(UUID tenantId);

  /** The descriptor of one connector if this tenant may use it now. */
  default Optional<ConnectorDescriptor> availableTo(UUID tenantId, String connectorId) {
    return availableTo(tenantId).stream().filter(d -> d.id().equals(connectorId)).findFirst();
  }

  /**
   * The descriptor of a STARTED connector, whether or not its rollout is on for any tenant: what
   * validates changes to an integration that already exists.
   */
  Optional<ConnectorDescriptor> started(String connectorId);

  /**
   * Every STARTED connector and whether its rollout flag can open it for any tenant, and why not:
   * the operators' view of {@code GET /v1/connectors}.
   */
  List<StartedConnector> startedConnectors();

  /** Runs the connector's check against the vendor for one integration, to be over by {@code deadline}. */
  CheckResult check(ThirdPartyIntegration integration, Instant deadline);

  /** A STARTED connector and its flag's availability; immutable. */
  record StartedConnector(ConnectorDescriptor descriptor, FlagAvailability flag) {}
}
