package io.leadbridge.integrations.internal;

import io.leadbridge.integrations.DeliveryRoute;
import io.leadbridge.integrations.DeliveryRoutes;
import io.leadbridge.integrations.IntegrationKind;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Sends each route question to the routes of its integration kind; thread-safe when they are. */
public final class RoutesByKind implements DeliveryRoutes {

  private final Map<IntegrationKind, DeliveryRoutes> byKind;

  public RoutesByKind(Map<IntegrationKind, DeliveryRoutes> byKind) {
    this.byKind = Map.copyOf(byKind);
  }

  @Override
  public Map<UUID, DeliveryRoute> findAll(IntegrationKind kind, Collection<UUID> integrationIds) {
    DeliveryRoutes routes = byKind.get(kind);
    return routes == null ? Map.of() : routes.findAll(kind, integrationIds);
  }

  @Override
  public Set<UUID> existing(Collection<UUID> integrationIds) {
    Set<UUID> found = new HashSet<>();
    byKind.values().forEach(routes -> found.addAll(routes.existing(integrationIds)));
    return found;
  }

  @Override
  public void pause(IntegrationKind kind, UUID integrationId, String reason) {
    DeliveryRoutes routes = byKind.get(kind);
    if (routes != null) {
      routes.pause(kind, integrationId, reason);
    }
  }
}
