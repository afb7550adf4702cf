package io.leadbridge.rollout;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Whether a tenant may use a connector now, by the connector's {@code connector.<pluginId>} flag.
 * What every module that gates on rollout asks; implementations are thread-safe.
 *
 * <p>Fails closed: an unknown tenant, a plugin id outside the flag naming convention or a flag the
 * source does not know answers "off".
 */
public interface RolloutGate {

  /** Whether the connector's flag is on for the tenant. */
  boolean isEnabled(String connectorId, UUID tenantId);

  /** The connectors among {@code connectorIds} whose flag is on for the tenant (one tenant lookup). */
  Set<String> enabledConnectors(UUID tenantId, Collection<String> connectorIds);

  /** Whether the connector's flag can open it for any tenant, and why not, for operators. */
  FlagAvailability availability(String connectorId);
}
