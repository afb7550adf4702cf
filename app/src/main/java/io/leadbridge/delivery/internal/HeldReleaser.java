package io.leadbridge.delivery.internal;

import io.leadbridge.integrations.DeliveryRoute;
import io.leadbridge.integrations.IntegrationKind;
import io.leadbridge.integrations.IntegrationStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * Lets held work flow again once its reason is gone: the connector's flag is back on for the
 * tenant, its quarantined plugin was reloaded, the integration is active again (new credentials) or
 * re-enabled. Each held delivery is
 * released once, as pending and due now; the dispatcher holds it again if another reason applies.
 * Stateless apart from its collaborators; thread-safe.
 */
final class HeldReleaser {

  /** A hold reason of the outbox: the connector's rollout flag is off for the tenant. */
  static final String CONNECTOR_NOT_ENABLED = "connector_not_enabled";
  /** A hold reason of the outbox: the connector's plugin was quarantined and waits for a reload. */
  static final String CONNECTOR_QUARANTINED = "connector_quarantined";
  /** A hold reason of the outbox: the tenant switched the integration off. */
  static final String INTEGRATION_DISABLED = "integration_disabled";

  private final EngineParts parts;

  HeldReleaser(EngineParts parts) {
    this.parts = parts;
  }

  void releaseWhatMayFlow(Instant now) {
    OutboxDao outbox = parts.jdbi().onDemand(OutboxDao.class);
    for (HeldGroup group : outbox.heldGroups()) {
      Optional<DeliveryRoute> route = parts.routes().find(IntegrationKind.fromColumn(group.kind()), group.integrationId());
      if (route.isEmpty()) {
        outbox.orphanToManual(group.integrationId(), now);
        parts.forget(group.connectorId(), group.integrationId());
      } else if (reasonGone(group.holdReason(), route.get())) {
        outbox.release(group.integrationId(), group.holdReason(), now);
      }
    }
  }

  private boolean reasonGone(String reason, DeliveryRoute route) {
    return switch (reason) {
      // Only on a fresh flag state: a node cut off from Unleash keeps holding rather than release on stale flags.
      case CONNECTOR_NOT_ENABLED -> parts.gate().mayRelease(route.connectorId(), route.tenantId());
      case CONNECTOR_QUARANTINED -> !parts.registry().isQuarantined(route.connectorId());
      case INTEGRATION_DISABLED -> route.enabled();
      case OutcomeRecorder.INTEGRATION_PAUSED -> route.status() == IntegrationStatus.ACTIVE;
      default -> false;
    };
  }
}
