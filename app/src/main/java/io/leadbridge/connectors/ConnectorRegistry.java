package io.leadbridge.connectors;

import io.leadbridge.connector.api.ConnectorDescriptor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The plugin host as other modules see it: which plugins there are, and a lease on a STARTED
 * connector for a call. Thread-safe: reads never wait for a reload, and a lease taken while a
 * reload replaces its plugin keeps the old version alive until the lease is closed.
 */
public interface ConnectorRegistry {

  /**
   * A lease on the STARTED connector with this id, for calls that end by {@code deadline}.
   *
   * @param connectorId the connector's id (its plugin's {@code Plugin-Id})
   * @param deadline when the calls must be over; at most {@code connectors.maxCallDuration} ahead
   * @return the lease; empty when no plugin with this id is STARTED
   * @throws IllegalArgumentException if the deadline is further ahead than allowed
   */
  Optional<ConnectorLease> started(String connectorId, Instant deadline);

  /** The descriptors of every STARTED connector, by id. */
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
