package io.leadbridge.rollout.internal;

import com.codahale.metrics.health.HealthCheck;
import java.net.URI;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Health check {@code rollout}: healthy while the flags are current (or come from the embedded
 * bootstrap because no server is configured); unhealthy, with a message that starts
 * {@code degraded:}, while the Unleash server cannot be read and the last known state holds.
 * The hub keeps serving either way. Thread-safe.
 */
public final class RolloutHealthCheck extends HealthCheck {

  private final URI server;
  private final FetchWatch watch;
  private final Duration staleAfter;
  private final IntSupplier knownFlags;

  private RolloutHealthCheck(URI server, FetchWatch watch, Duration staleAfter, IntSupplier knownFlags) {
    this.server = server;
    this.watch = watch;
    this.staleAfter = staleAfter;
    this.knownFlags = knownFlags;
  }

  /** For a hub reading an Unleash server. */
  public static RolloutHealthCheck forServer(URI server, FetchWatch watch, Duration staleAfter, IntSupplier knownFlags) {
    return new RolloutHealthCheck(server, watch, staleAfter, knownFlags);
  }

  /** For a hub with no server: the bootstrap is the intended source, so that is healthy. */
  public static RolloutHealthCheck forBootstrap(IntSupplier knownFlags) {
    return new RolloutHealthCheck(null, null, Duration.ZERO, knownFlags);
  }

  @Override
  protected Result check() {
    int flags = knownFlags.getAsInt();
    if (server == null) {
      return Result.healthy("no Unleash server configured: " + flags + " flags from the embedded bootstrap");
    }
    FetchWatch.FetchStatus status = watch.status(staleAfter);
    if (status.current()) {
      return Result.healthy(flags + " flags fetched from " + server + " at " + status.lastSuccess().orElseThrow());
    }
    String since = status.lastSuccess().map(at -> "last fetched at " + at).orElse("not fetched since start");
    String holding = flags == 0
        ? "no flags known (no backup file): every connector is off"
        : "the last known state of " + flags + " flags holds"
            + (status.lastSuccess().isEmpty() && status.backupRestored() ? " (from the backup file)" : "");
    String reason = status.lastFailureReason().isEmpty() ? "" : " (" + status.lastFailureReason() + ")";
    return Result.unhealthy("degraded: cannot read " + server + reason + ", " + since + "; " + holding);
  }
}
