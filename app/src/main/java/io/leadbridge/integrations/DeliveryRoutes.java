package io.leadbridge.integrations;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The integrations as the delivery engine sees them: where a delivery goes, and pausing an
 * integration whose credentials the vendor refused. Implementations are thread-safe.
 */
public interface DeliveryRoutes {

  /** The routes of these integrations of one kind, by id, read in one go; deleted ones are missing. */
  Map<UUID, DeliveryRoute> findAll(IntegrationKind kind, Collection<UUID> integrationIds);

  /** The integration's route; empty when it has been deleted. */
  default Optional<DeliveryRoute> find(IntegrationKind kind, UUID integrationId) {
    return Optional.ofNullable(findAll(kind, List.of(integrationId)).get(integrationId));
  }

  /** Which of these integrations, of any kind this serves, still exist. */
  Set<UUID> existing(Collection<UUID> integrationIds);

  /**
   * Pauses the integration until its tenant replaces the credentials (which makes it active
   * again); the reason is shown in the integration's API view and must not contain a secret.
   */
  void pause(IntegrationKind kind, UUID integrationId, String reason);
}
