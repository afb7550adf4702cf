package io.leadbridge.rollout.internal;

import io.leadbridge.flags.ConnectorFlags;
import io.leadbridge.rollout.FlagAvailability;
import io.leadbridge.rollout.RolloutGate;
import io.leadbridge.tenants.Tenant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The {@link RolloutGate} of a hub without an Unleash server: the embedded default derived from the
 * started plugins, so every started connector, including one hot-loaded a moment ago, is on for
 * every active tenant and a developer sees each connector work. Thread-safe as far as its
 * suppliers are.
 */
public final class StartedConnectorsGate implements RolloutGate {

  private final Supplier<? extends Collection<String>> startedConnectors;
  private final Function<UUID, Optional<Tenant>> tenants;

  public StartedConnectorsGate(
      Supplier<? extends Collection<String>> startedConnectors, Function<UUID, Optional<Tenant>> tenants) {
    this.startedConnectors = startedConnectors;
    this.tenants = tenants;
  }

  @Override
  public boolean isEnabled(String connectorId, UUID tenantId) {
    return !enabledConnectors(tenantId, Set.of(connectorId)).isEmpty();
  }

  /** The started plugins are this gate's whole state, read at every call: never stale. */
  @Override
  public boolean isStateFresh() {
    return true;
  }

  @Override
  public Set<String> enabledConnectors(UUID tenantId, Collection<String> connectorIds) {
    if (tenants.apply(tenantId).filter(Tenant::isActive).isEmpty()) {
      return Set.of();
    }
    Set<String> started = Set.copyOf(startedConnectors.get());
    return connectorIds.stream()
        .filter(ConnectorFlags::isValidPluginId)
        .filter(started::contains)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public FlagAvailability availability(String connectorId) {
    if (!ConnectorFlags.isValidPluginId(connectorId)) {
      return ConnectorFlagNames.outsideConvention(connectorId);
    }
    String flag = ConnectorFlags.flagName(connectorId);
    if (!startedConnectors.get().contains(connectorId)) {
      return new FlagAvailability(flag, false, "the plugin is not started: off for every tenant");
    }
    return new FlagAvailability(flag, true,
        "no Unleash server configured: on for every tenant (the embedded default)");
  }
}
