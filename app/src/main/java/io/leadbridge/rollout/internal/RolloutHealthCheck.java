package io.leadbridge.rollout.internal;

import com.codahale.metrics.health.HealthCheck;
import io.leadbridge.flags.ConnectorFlags;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Health check {@code rollout}: healthy while the flags are current (or come from the embedded
 * default because no server is configured); unhealthy, with a message that starts
 * {@code degraded:}, while the Unleash server cannot be read and the last known state holds, or
 * while a started connector has no flag on the server (it is off for every tenant). The hub keeps
 * serving either way. Thread-safe.
 */
public final class RolloutHealthCheck extends HealthCheck {

  private final URI server;
  private final FetchWatch watch;
  private final Duration staleAfter;
  private final IntSupplier knownFlags;
  private final Supplier<List<String>> connectors;

  private RolloutHealthCheck(
      URI server, FetchWatch watch, Duration staleAfter, IntSupplier knownFlags, Supplier<List<String>> connectors) {
    this.server = server;
    this.watch = watch;
    this.staleAfter = staleAfter;
    this.knownFlags = knownFlags;
    this.connectors = connectors;
  }

  /**
   * For a hub reading an Unleash server.
   *
   * @param unflagged the started connectors the server has no flag for
   */
  public static RolloutHealthCheck forServer(URI server, FetchWatch watch, Duration staleAfter, IntSupplier knownFlags,
      Supplier<List<String>> unflagged) {
    return new RolloutHealthCheck(server, watch, staleAfter, knownFlags, unflagged);
  }

  /**
   * For a hub with no server: the embedded default is the intended source, so that is healthy.
   *
   * @param started the started connectors, each on for every tenant
   */
  public static RolloutHealthCheck forBootstrap(IntSupplier knownFlags, Supplier<List<String>> started) {
    return new RolloutHealthCheck(null, null, Duration.ZERO, knownFlags, started);
  }

  @Override
  protected Result check() {
    int flags = knownFlags.getAsInt();
    if (server == null) {
      return Result.healthy("no Unleash server configured: every started connector (" + String.join(", ", connectors.get())
          + ") on for every tenant; " + flags + " flags from the embedded bootstrap");
    }
    FetchWatch.FetchStatus status = watch.status(staleAfter);
    List<String> unflagged = status.current() || flags > 0 ? connectors.get() : List.of();
    if (status.current() && !unflagged.isEmpty()) {
      return Result.unhealthy("degraded: " + missingFlags(unflagged));
    }
    if (status.current()) {
      return Result.healthy(flags + " flags fetched from " + server + " at " + status.lastSuccess().orElseThrow());
    }
    String since = status.lastSuccess().map(at -> "last fetched at " + at).orElse("not fetched since start");
    String holding = flags == 0
        ? "no flags known (no backup file): every connector is off"
        : "the last known state of " + flags + " flags holds"
            + (status.lastSuccess().isEmpty() && status.backupRestored() ? " (from the backup file)" : "");
    String reason = status.lastFailureReason().isEmpty() ? "" : " (" + status.lastFailureReason() + ")";
    String missing = unflagged.isEmpty() ? "" : "; " + missingFlags(unflagged);
    return Result.unhealthy("degraded: cannot read " + server + reason + ", " + since + "; " + holding + missing);
  }

  private String missingFlags(List<String> unflagged) {
    return "no flag on " + server + " for the started connector" + (unflagged.size() == 1 ? " " : "s ")
        + String.join(", ", unflagged) + ": off for every tenant until flags sync creates "
        + unflagged.stream().map(id -> ConnectorFlags.PREFIX + id).collect(Collectors.joining(", "));
  }
}
