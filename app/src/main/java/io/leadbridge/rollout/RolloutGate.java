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

  /**
   * Whether the flag state this gate answers from was fetched from the Unleash server recently (a
   * few refresh intervals); always true without a server, whose embedded default cannot go stale.
   * A state held from the backup file or from before an outage is not fresh: it may keep holding
   * work, but it is no reason to let held work go.
   */
  boolean isStateFresh();

  /**
   * Whether work held because the connector's flag was off may flow again: the flag is on for the
   * tenant <em>and</em> the state saying so is fresh. A node cut off from Unleash keeps holding.
   */
  default boolean mayRelease(String connectorId, UUID tenantId) {
    return isStateFresh() && isEnabled(connectorId, tenantId);
  }

  /** The connectors among {@code connectorIds} whose flag is on for the tenant (one tenant lookup). */
  Set<String> enabledConnectors(UUID tenantId, Collection<String> connectorIds);

  /** Whether the connector's flag can open it for any tenant, and why not, for operators. */
  FlagAvailability availability(String connectorId);
}
