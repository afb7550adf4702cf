package io.leadbridge.connectors.internal;

/** How starting one plugin jar ended; immutable. */
sealed interface StartResult {

  /** The plugin runs. */
  record Started(LoadedConnector connector) implements StartResult {}

  /** The plugin does not run, and why, in one line. */
  record Failed(String cause) implements StartResult {}
}
