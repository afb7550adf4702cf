package io.leadbridge.rollout;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.lifecycle.Managed;
import io.getunleash.Unleash;
import io.leadbridge.rollout.internal.FetchWatch;
import io.leadbridge.rollout.internal.RolloutHealthCheck;
import io.leadbridge.rollout.internal.UnleashClients;
import io.leadbridge.rollout.internal.UnleashRolloutGate;
import io.leadbridge.tenants.Tenant;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Wires the rollout module: the Unleash client (server or embedded bootstrap), the gate every
 * module asks, and the {@code rollout} health check. Thread-safe once built; {@link #stop()} ends
 * the client's polling.
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
   */
  public RolloutModule(
      RolloutConfiguration config, Path dataDirectory, Function<UUID, Optional<Tenant>> tenants, Clock clock) {
    if (config.hasServer()) {
      FetchWatch watch = new FetchWatch(clock);
      this.unleash = UnleashClients.forServer(config, dataDirectory, watch);
      this.health = RolloutHealthCheck.forServer(config.getServerUrl(), watch, staleAfter(config), this::knownFlags);
    } else {
      this.unleash = UnleashClients.forBootstrap(dataDirectory);
      this.health = RolloutHealthCheck.forBootstrap(this::knownFlags);
    }
    this.gate = new UnleashRolloutGate(unleash, tenants);
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
