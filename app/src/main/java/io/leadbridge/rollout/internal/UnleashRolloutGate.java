package io.leadbridge.rollout.internal;

import io.getunleash.FeatureDefinition;
import io.getunleash.Unleash;
import io.getunleash.UnleashContext;
import io.leadbridge.flags.ConnectorFlags;
import io.leadbridge.rollout.FlagAvailability;
import io.leadbridge.rollout.RolloutGate;
import io.leadbridge.tenants.Tenant;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@link RolloutGate} over an Unleash server's flags and the tenants' attributes: a connector
 * whose flag the server does not have is off for every tenant. Thread-safe.
 */
public final class UnleashRolloutGate implements RolloutGate {

  private final Unleash unleash;
  private final Function<UUID, Optional<Tenant>> tenants;
  private final FetchWatch fetches;
  private final Duration staleAfter;

  /**
   * @param fetches the client's fetches, as the SDK reports them
   * @param staleAfter how long after the last successful fetch the state still counts as fresh
   */
  public UnleashRolloutGate(
      Unleash unleash, Function<UUID, Optional<Tenant>> tenants, FetchWatch fetches, Duration staleAfter) {
    this.unleash = unleash;
    this.tenants = tenants;
    this.fetches = fetches;
    this.staleAfter = staleAfter;
  }

  /** Fresh while the last fetch succeeded within {@code staleAfter}; the health check uses the same bound. */
  @Override
  public boolean isStateFresh() {
    return fetches.status(staleAfter).current();
  }

  @Override
  public boolean isEnabled(String connectorId, UUID tenantId) {
    return !enabledConnectors(tenantId, Set.of(connectorId)).isEmpty();
  }

  @Override
  public Set<String> enabledConnectors(UUID tenantId, Collection<String> connectorIds) {
    Optional<Tenant> tenant = tenants.apply(tenantId).filter(Tenant::isActive);
    if (tenant.isEmpty()) {
      return Set.of();
    }
    UnleashContext context = TenantContexts.of(tenant.get());
    return connectorIds.stream()
        .filter(ConnectorFlags::isValidPluginId)
        .filter(id -> unleash.isEnabled(ConnectorFlags.flagName(id), context, false))
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public FlagAvailability availability(String connectorId) {
    if (!ConnectorFlags.isValidPluginId(connectorId)) {
      return ConnectorFlagNames.outsideConvention(connectorId);
    }
    String flag = ConnectorFlags.flagName(connectorId);
    Optional<FeatureDefinition> definition = unleash.more().getFeatureToggleDefinition(flag);
    if (definition.isEmpty()) {
      return new FlagAvailability(flag, false,
          "no flag " + flag + " on the Unleash server: off for every tenant until flags sync creates it");
    }
    if (!definition.get().environmentEnabled()) {
      return new FlagAvailability(flag, false, "flag " + flag + " is switched off: off for every tenant");
    }
    return new FlagAvailability(flag, true, "flag " + flag + " decides per tenant");
  }

  /** The connectors among {@code connectorIds} the server has no flag for, in the order given. */
  public List<String> withoutFlag(Collection<String> connectorIds) {
    return connectorIds.stream().filter(id -> !availabilityKnown(id)).toList();
  }

  private boolean availabilityKnown(String connectorId) {
    return ConnectorFlags.isValidPluginId(connectorId)
        && unleash.more().getFeatureToggleDefinition(ConnectorFlags.flagName(connectorId)).isPresent();
  }
}
