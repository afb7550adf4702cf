package io.leadbridge.connectors.internal;

import java.util.function.BiConsumer;

/**
 * When a plugin version is taken out of service for what its calls do: after
 * {@code connectors.containment.quarantineAfter} calls in a row that end in an {@code Error} (a
 * call over its budget ends in one, {@link CallBudgets.OverBudget}), the host's quarantine action
 * marks it FAILED with a {@code quarantined: …} cause. Immutable and
 * thread-safe (the streak is counted on each {@link LoadedConnector}).
 */
final class Quarantine {

  /** The start of the FAILED cause of a quarantined plugin. */
  static final String CAUSE_PREFIX = "quarantined: ";

  private final int after;
  private final BiConsumer<LoadedConnector, String> action;

  /** @param action what the host does with a version to quarantine and the cause to show */
  Quarantine(int after, BiConsumer<LoadedConnector, String> action) {
    this.after = after;
    this.action = action;
  }

  /** A call returned (well-formed or not): the streak of errors is broken. */
  void returned(LoadedConnector connector) {
    connector.resetErrorStreak();
  }

  /**
   * A call ended in {@code failure}; an {@code Error} lengthens the streak, anything else breaks it.
   *
   * @param shown the failure as it may be shown (one line, redacted)
   * @return whether this call quarantined the version
   */
  boolean threw(LoadedConnector connector, Throwable failure, String shown) {
    if (!(failure instanceof Error)) {
      connector.resetErrorStreak();
      return false;
    }
    if (connector.extendErrorStreak() != after) {
      return false;
    }
    action.accept(connector, Causes.oneLine(CAUSE_PREFIX + after + " calls in a row ended in an Error or over budget (the last: "
        + shown + "); fix the plugin and reload"));
    return true;
  }

  /** Whether the version has been quarantined (its streak has reached the limit). */
  boolean isQuarantined(LoadedConnector connector) {
    return connector.errorStreak() >= after;
  }
}
