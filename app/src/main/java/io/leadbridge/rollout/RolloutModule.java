package io.leadbridge.rollout;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.lifecycle.Managed;
import io.getunleash.Unleash;
import io.leadbridge.rollout.internal.FetchWatch;
import io.leadbridge.rollout.internal.RolloutHealthCheck;
import io.leadbridge.rollout.internal.StartedConnectorsGate;
import io.leadbridge.rollout.internal.UnleashClients;
import io.leadbridge.rollout.internal.UnleashRolloutGate;
import io.leadbridge.tenants.Tenant;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Wires the rollout module: the Unleash client (server or embedded bootstrap), the gate every
 * module asks (with a server, the server's flags; without, every started connector on), and the
 * {@code rollout} health check. Thread-safe once built; {@link #stop()} ends the client's polling.
 */
public final class RolloutModule implements Managed {

  private final Unleash unleash;
  private final RolloutGate gate;
  private final HealthCheck health;

  /**
   * Builds the client; with a server configured this fetches once (at most twice the fetch
   * timeout) before it returns.
   *
   * @param tenants the tenant with that id, if there is one (its tier and region feed the context)
   * @param startedConnectors the ids of the STARTED connector plugins now: each gets its flag
   *     {@code connector.<id>} derived, with no edit of the hub
   */
  public RolloutModule(RolloutConfiguration config, Path dataDirectory, Function<UUID, Optional<Tenant>> tenants,
      Supplier<List<String>> startedConnectors, Clock clock) {
    if (config.hasServer()) {
      FetchWatch watch = new FetchWatch(clock);
      this.unleash = UnleashClients.forServer(config, dataDirectory, watch);
      Duration staleAfter = staleAfter(config);
      UnleashRolloutGate serverGate = new UnleashRolloutGate(unleash, tenants, watch, staleAfter);
      this.gate = serverGate;
      this.health = RolloutHealthCheck.forServer(config.getServerUrl(), watch, staleAfter, this::knownFlags,
          () -> serverGate.withoutFlag(startedConnectors.get()));
    } else {
      this.unleash = UnleashClients.forBootstrap(dataDirectory);
      this.gate = new StartedConnectorsGate(startedConnectors, tenants);
      this.health = RolloutHealthCheck.forBootstrap(this::knownFlags, startedConnectors);
    }
  }

  public RolloutGate gate() {
    return gate;
  }

  /** Register as {@code rollout}. */
  public HealthCheck healthCheck() {
    return health;
  }

  @Override
  public void stop() {
    unleash.shutdown();
  }

  private int knownFlags() {
    return unleash.more().getFeatureToggleNames().size();
  }

  /** Two missed refreshes, each allowed its connect and read time, before the flags count as stale. */
  private static Duration staleAfter(RolloutConfiguration config) {
    Duration interval = config.getRefreshInterval().toJavaDuration();
    Duration attempt = config.getFetchTimeout().toJavaDuration().multipliedBy(2);
    return interval.plus(attempt).multipliedBy(2);
  }
}
