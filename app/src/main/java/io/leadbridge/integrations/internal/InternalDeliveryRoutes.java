package io.leadbridge.integrations.internal;

import io.leadbridge.integrations.DeliveryRoute;
import io.leadbridge.integrations.DeliveryRoutes;
import io.leadbridge.integrations.IntegrationKind;
import io.leadbridge.integrations.InternalIntegration;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The delivery engine's view of internal integrations: each is served by the built-in webhook
 * connector ({@link DeliveryRoute#WEBHOOK}) and has no base URL or settings of its own. Only kind
 * {@link IntegrationKind#INTERNAL}; the engine composes it with the third-party routes.
 * Thread-safe.
 */
public final class InternalDeliveryRoutes implements DeliveryRoutes {

  /** The longest reason kept, as the column holds. */
  static final int MAX_REASON = 300;

  private final Jdbi jdbi;
  private final Clock clock;

  public InternalDeliveryRoutes(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public Map<UUID, DeliveryRoute> findAll(IntegrationKind kind, Collection<UUID> integrationIds) {
    requireInternal(kind);
    if (integrationIds.isEmpty()) {
      return Map.of();
    }
    return jdbi.withExtension(InternalIntegrationDao.class, dao -> dao.findByIds(List.copyOf(integrationIds)))
        .stream().map(InternalDeliveryRoutes::route).collect(Collectors.toMap(DeliveryRoute::integrationId, r -> r));
  }

  @Override
  public Set<UUID> existing(Collection<UUID> integrationIds) {
    return findAll(IntegrationKind.INTERNAL, integrationIds).keySet();
  }

  @Override
  public void pause(IntegrationKind kind, UUID integrationId, String reason) {
    requireInternal(kind);
    String kept = reason == null || reason.isBlank() ? "paused by the delivery engine" : reason.strip();
    String cut = kept.length() > MAX_REASON ? kept.substring(0, MAX_REASON) : kept;
    jdbi.useExtension(InternalIntegrationDao.class, dao -> dao.pause(integrationId, cut, clock.instant()));
  }

  private static DeliveryRoute route(InternalIntegration i) {
    return new DeliveryRoute(IntegrationKind.INTERNAL, i.id(), i.tenantId(), DeliveryRoute.WEBHOOK, i.enabled(),
        i.status(), Optional.empty(), Map.of(), origin(i.endpoint().url()), i.duplicates());
  }

  /** A webhook's account is its receiver's origin: every integration posting to one host shares its pauses. */
  private static String origin(URI url) {
    int port = url.getPort() >= 0 ? url.getPort() : ("https".equalsIgnoreCase(url.getScheme()) ? 443 : 80);
    return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
  }

  private static void requireInternal(IntegrationKind kind) {
    if (kind != IntegrationKind.INTERNAL) {
      throw new IllegalArgumentException("these routes serve internal integrations only, not " + kind);
    }
  }
}
