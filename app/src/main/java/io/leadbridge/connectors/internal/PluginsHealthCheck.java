package io.leadbridge.connectors.internal;

import com.codahale.metrics.health.HealthCheck;
import io.leadbridge.connectors.ConnectorRegistry;
import io.leadbridge.connectors.PluginState;
import io.leadbridge.connectors.PluginStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code plugins} health check: unhealthy while any plugin jar is FAILED, naming each with its
 * cause, and listing every plugin's state in the details. Thread-safe (reads the registry's
 * snapshot).
 *
 * <p>Why unhealthy: a FAILED jar is an operator's job (remove or fix it), and {@code /healthcheck}
 * is where monitoring looks. Why that is not "the hub is down": the application keeps serving and
 * every other connector keeps delivering, so load balancers and orchestrators must probe liveness
 * elsewhere ({@code /ping} on the admin port, or the application port), never
 * {@code /healthcheck}, or one bad third-party jar would take every node out of service.
 */
public final class PluginsHealthCheck extends HealthCheck {

  private final ConnectorRegistry registry;

  public PluginsHealthCheck(ConnectorRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected Result check() {
    List<PluginStatus> plugins = registry.plugins();
    Map<String, Object> states = new LinkedHashMap<>();
    plugins.forEach(plugin -> states.put(plugin.file(), plugin.state().name()));
    List<PluginStatus> failed = plugins.stream().filter(plugin -> plugin.state() == PluginState.FAILED).toList();
    if (failed.isEmpty()) {
      long started = plugins.stream().filter(plugin -> plugin.state() == PluginState.STARTED).count();
      return Result.builder().healthy()
          .withMessage(started + " of " + plugins.size() + " plugins STARTED, none FAILED")
          .withDetail("plugins", states)
          .build();
    }
    String message = failed.stream()
        .map(plugin -> plugin.file() + plugin.id().map(id -> " (" + id + ")").orElse("") + ": " + plugin.cause().orElseThrow())
        .collect(Collectors.joining("; ", failed.size() + " plugin(s) FAILED: ", ""));
    return Result.builder().unhealthy().withMessage(message).withDetail("plugins", states).build();
  }
}
