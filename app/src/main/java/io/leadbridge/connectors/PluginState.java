package io.leadbridge.connectors;

/** The state of one plugin jar as the API shows it; immutable. */
public enum PluginState {
  /** Loaded and started: its connector can be leased. */
  STARTED,
  /** Loaded but not started, because the operator listed its id in {@code disabled.txt}. */
  STOPPED,
  /** Could not be loaded or started; the status carries the cause. The rest of the hub runs on. */
  FAILED
}
