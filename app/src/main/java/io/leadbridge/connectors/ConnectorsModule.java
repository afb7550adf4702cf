package io.leadbridge.connectors;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.Environment;
import io.leadbridge.audit.Actor;
import io.leadbridge.audit.AuditTrail;
import io.leadbridge.connectors.internal.HubConnectors;
import io.leadbridge.connectors.internal.PluginHost;
import io.leadbridge.connectors.internal.PluginsHealthCheck;
import io.leadbridge.connectors.internal.StaticRoutes;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Wires the connectors module: the PF4J plugin host (a managed object: plugins load when the hub
 * starts and unload when it stops), its {@code plugins} health check and the operator resource.
 * Immutable; the registry it hands out is thread-safe.
 */
public final class ConnectorsModule {

  /** The health check's name on the admin port's {@code /healthcheck}. */
  public static final String HEALTH_CHECK = "plugins";

  private final PluginHost host;
  private final HubConnectors registry;

  /**
   * @param credentials where calls' credentials come from (the vault)
   * @param rateLimits the per-integration limiter the HTTP client asks before each send
   * @param hubVersion the hub's version, for the vendor requests' {@code User-Agent}
   * @param audit where admission decisions and reloads are recorded
   * @param builtIns the connectors compiled into the hub, leased like plugins
   */
  public ConnectorsModule(ConnectorsConfiguration config, Clock clock, MetricRegistry metrics,
      CredentialSource credentials, IntegrationRateLimits rateLimits, String hubVersion, AuditTrail audit,
      List<BuiltInConnector> builtIns) {
    this.host = new PluginHost(config, clock, metrics, credentials, rateLimits, hubVersion,
        (action, subject) -> audit.record(Optional.empty(), Actor.system("plugins"), action, subject, null),
        builtIns.stream().map(b -> b.descriptor().id()).collect(Collectors.toSet()));
    this.registry = new HubConnectors(host, builtIns, clock, config.getMaxCallDuration().toJavaDuration());
  }

  /** What other modules call: plugin states, and leases on built-in and STARTED connectors. */
  public ConnectorRegistry registry() {
    return registry;
  }

  /** The JAX-RS resources of this module. */
  public List<Object> resources() {
    return List.of(new PluginsResource(host));
  }

  /**
   * Registers the host's lifecycle, the health check and the resources, and closes the routes by
   * which a plugin could reach the hub from a library's static fields.
   */
  public void install(Environment environment) {
    StaticRoutes.close(environment);
    environment.lifecycle().manage(host);
    environment.healthChecks().register(HEALTH_CHECK, new PluginsHealthCheck(host));
    resources().forEach(environment.jersey()::register);
  }
}
