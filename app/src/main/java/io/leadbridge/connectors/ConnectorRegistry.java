package io.leadbridge.connectors;

import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.ConnectorDescriptor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The connectors as other modules see them: which plugins there are, and a lease on a STARTED
 * plugin or a {@link BuiltInConnector} for a call, the same for both. Thread-safe: reads never wait
 * for a reload, and a lease taken while a reload replaces its plugin keeps the old version alive
 * until the lease is closed.
 */
public interface ConnectorRegistry {

  /**
   * A lease on the built-in or STARTED connector with this id, for calls that end by {@code deadline}.
   *
   * @param connectorId the connector's id (a plugin's {@code Plugin-Id})
   * @param deadline when the calls must be over; at most {@code connectors.maxCallDuration} ahead
   * @return the lease; empty when there is no built-in connector and no STARTED plugin with this id
   * @throws IllegalArgumentException if the deadline is further ahead than allowed
   */
  Optional<ConnectorLease> started(String connectorId, Instant deadline);

  /**
   * Runs the connector's check for {@code target} under a lease that ends by {@code deadline}; a
   * failed check when there is no such connector now.
   */
  default CheckResult check(String connectorId, CallTarget target, Instant deadline) {
    Optional<ConnectorLease> lease = started(connectorId, deadline);
    if (lease.isEmpty()) {
      return CheckResult.failure("connector " + connectorId + " is not running");
    }
    try (ConnectorLease leased = lease.get()) {
      return leased.check(target);
    }
  }

  /** The descriptor of the built-in or STARTED connector with this id; empty when there is none. */
  Optional<ConnectorDescriptor> descriptor(String connectorId);

  /** Whether the id is a built-in connector's: part of the hub, not a plugin, so no rollout flag gates it. */
  boolean isBuiltIn(String connectorId);

  /** The descriptors of every STARTED plugin, by id: what a tenant may pick (built-ins are not listed). */
  List<ConnectorDescriptor> startedDescriptors();

  /**
   * Whether the connector's plugin was quarantined for what its calls did (FAILED with a
   * {@code quarantined: …} cause, and no version of it STARTED): its work should wait, held, until
   * an operator reloads it.
   */
  boolean isQuarantined(String connectorId);

  /** Every jar in the plugins directory and its state, ordered by plugin id then file name. */
  List<PluginStatus> plugins();

  /**
   * Rescans the plugins directory: loads new jars, replaces changed ones (by content hash),
   * unloads removed ones and retries FAILED ones, without stopping the others. Calls in flight on
   * a replaced or removed version complete on it; it is unloaded once they are done.
   *
   * @return the plugins after the reload, as {@link #plugins()}
   * @throws PluginsException.DirectoryUnreadable if the directory cannot be listed
   */
  List<PluginStatus> reload();
}
