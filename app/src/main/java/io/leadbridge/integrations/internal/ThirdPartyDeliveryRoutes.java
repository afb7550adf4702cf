package io.leadbridge.integrations.internal;

import io.leadbridge.integrations.DeliveryRoute;
import io.leadbridge.integrations.DeliveryRoutes;
import io.leadbridge.integrations.IntegrationKind;
import io.leadbridge.integrations.ThirdPartyIntegration;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** The delivery routes of third-party integrations, read from their table; thread-safe. */
public final class ThirdPartyDeliveryRoutes implements DeliveryRoutes {

  private static final int MAX_REASON = 300;

  private final Jdbi jdbi;
  private final Clock clock;

  public ThirdPartyDeliveryRoutes(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public Map<UUID, DeliveryRoute> findAll(IntegrationKind kind, Collection<UUID> integrationIds) {
    if (integrationIds.isEmpty()) {
      return Map.of();
    }
    return jdbi.withExtension(ThirdPartyIntegrationDao.class, dao -> dao.findForDelivery(List.copyOf(integrationIds)))
        .stream().map(ThirdPartyDeliveryRoutes::route).collect(Collectors.toMap(DeliveryRoute::integrationId, r -> r));
  }

  @Override
  public Set<UUID> existing(Collection<UUID> integrationIds) {
    return findAll(IntegrationKind.THIRD_PARTY, integrationIds).keySet();
  }

  @Override
  public void pause(IntegrationKind kind, UUID integrationId, String reason) {
    String clipped = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    jdbi.useExtension(ThirdPartyIntegrationDao.class, dao -> dao.pause(integrationId, clipped, clock.instant()));
  }

  private static DeliveryRoute route(ThirdPartyIntegration integration) {
    return new DeliveryRoute(IntegrationKind.THIRD_PARTY, integration.id(), integration.tenantId(),
        integration.connector(), integration.enabled(), integration.status(), integration.baseUrl(),
        integration.settings(), integration.budgetAccount(), integration.duplicates());
  }
}
