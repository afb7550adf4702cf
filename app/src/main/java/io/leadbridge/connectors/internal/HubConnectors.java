package io.leadbridge.connectors.internal;

import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connectors.BuiltInConnector;
import io.leadbridge.connectors.ConnectorLease;
import io.leadbridge.connectors.ConnectorRegistry;
import io.leadbridge.connectors.PluginStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry other modules see: the plugin host's connectors and the hub's built-in ones behind
 * one lookup and one kind of lease, so a caller never asks which it has. Thread-safe (the built-ins
 * are fixed at start; the host is thread-safe).
 */
public final class HubConnectors implements ConnectorRegistry {

  private final PluginHost plugins;
  private final Map<String, BuiltInConnector> builtIns;
  private final Clock clock;
  private final Duration maxCallDuration;

  public HubConnectors(PluginHost plugins, List<BuiltInConnector> builtIns, Clock clock, Duration maxCallDuration) {
    this.plugins = plugins;
    this.builtIns = builtIns.stream().collect(Collectors.toUnmodifiableMap(b -> b.descriptor().id(), Function.identity()));
    this.clock = clock;
    this.maxCallDuration = maxCallDuration;
  }

  /** The plugin host behind it: how many replaced versions still drain, for tests that reload. */
  public PluginHost pluginHost() {
    return plugins;
  }

  @Override
  public Optional<ConnectorLease> started(String connectorId, Instant deadline) {
    BuiltInConnector builtIn = builtIns.get(Objects.requireNonNull(connectorId, "connectorId"));
    if (builtIn == null) {
      return plugins.started(connectorId, deadline);
    }
    if (deadline.isAfter(clock.instant().plus(maxCallDuration))) {
      throw new IllegalArgumentException("a call deadline may be at most " + maxCallDuration + " ahead");
    }
    return Optional.of(new BuiltInLease(builtIn, deadline));
  }

  @Override
  public Optional<ConnectorDescriptor> descriptor(String connectorId) {
    BuiltInConnector builtIn = builtIns.get(connectorId);
    return builtIn != null ? Optional.of(builtIn.descriptor()) : plugins.descriptor(connectorId);
  }

  @Override
  public boolean isBuiltIn(String connectorId) {
    return builtIns.containsKey(connectorId);
  }

  @Override
  public List<ConnectorDescriptor> startedDescriptors() {
    return plugins.startedDescriptors();
  }

  @Override
  public boolean isQuarantined(String connectorId) {
    return !builtIns.containsKey(connectorId) && plugins.isQuarantined(connectorId);
  }

  @Override
  public List<PluginStatus> plugins() {
    return plugins.plugins();
  }

  @Override
  public List<PluginStatus> reload() {
    return plugins.reload();
  }
}
