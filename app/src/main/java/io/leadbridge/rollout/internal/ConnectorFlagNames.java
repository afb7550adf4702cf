package io.leadbridge.rollout.internal;

import io.leadbridge.flags.ConnectorFlags;
import io.leadbridge.rollout.FlagAvailability;

/** The answer both gates give for an id that cannot name a flag. Stateless and thread-safe. */
final class ConnectorFlagNames {

  private ConnectorFlagNames() {}

  /** Closed: the id cannot name a {@code connector.<pluginId>} flag. */
  static FlagAvailability outsideConvention(String connectorId) {
    return new FlagAvailability(ConnectorFlags.PREFIX + connectorId, false,
        "the plugin id is outside the flag naming convention " + ConnectorFlags.PLUGIN_ID + ": off for every tenant");
  }
}
