package io.leadbridge.rollout.internal;

import io.getunleash.Unleash;
import io.getunleash.UnleashContext;
import io.leadbridge.flags.ConnectorFlags;
import io.leadbridge.rollout.RolloutGate;
import io.leadbridge.tenants.Tenant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The {@link RolloutGate} over an Unleash client and the tenants' attributes. Thread-safe. */
public final class UnleashRolloutGate implements RolloutGate {

  private final Unleash unleash;
  private final Function<UUID, Optional<Tenant>> tenants;

  public UnleashRolloutGate(Unleash unleash, Function<UUID, Optional<Tenant>> tenants) {
    this.unleash = unleash;
    this.tenants = tenants;
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
}
