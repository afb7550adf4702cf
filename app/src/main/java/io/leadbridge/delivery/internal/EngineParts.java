package io.leadbridge.delivery.internal;

import io.leadbridge.connectors.ConnectorRegistry;
import io.leadbridge.delivery.DeliveryConfiguration;
import io.leadbridge.delivery.VendorRateLimiter;
import io.leadbridge.integrations.DeliveryRoutes;
import io.leadbridge.leads.LeadQueries;
import io.leadbridge.rollout.RolloutGate;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import org.jdbi.v3.core.Jdbi;

/**
 * What the engine's dispatcher and calls share; immutable (its parts are thread-safe).
 *
 * @param watchdog interrupts calls that overrun the call timeout
 */
public record EngineParts(
    DeliveryConfiguration config,
    Jdbi jdbi,
    Clock clock,
    LeadQueries leads,
    ConnectorRegistry registry,
    DeliveryRoutes routes,
    RolloutGate gate,
    VendorRateLimiter limiter,
    IntegrationBreakers breakers,
    CallSlots slots,
    DeliveryMeters meters,
    Backoff backoff,
    ScheduledExecutorService watchdog) {

  /** Forgets what this node keeps of a removed integration: its breaker, its metrics, its slot count. */
  void forget(String connectorId, UUID integrationId) {
    breakers.forget(connectorId, integrationId);
    meters.forget(connectorId, integrationId);
    slots.forget(integrationId);
  }
}
