package io.leadbridge.integrations;

import io.leadbridge.integrations.internal.EnabledIntegrationsSql;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Which integrations a tenant's new lead goes to: its enabled ones of both kinds, oldest first. The
 * integrations module owns their tables; the delivery module asks here when it queues a lead.
 * Implementations are thread-safe.
 */
public interface EnabledIntegrations {

  /**
   * The tenant's enabled integrations of both kinds, in the order they were created; paused ones
   * included (the engine holds their deliveries until they are active again). Read in the caller's
   * handle, so a lead's transaction sees one state of its tenant's integrations.
   */
  List<Target> of(Handle handle, UUID tenantId);

  /** The one implementation: a query over the integrations module's two tables. */
  static EnabledIntegrations inTables() {
    return new EnabledIntegrationsSql();
  }

  /**
   * An integration a new lead gets a delivery for; immutable.
   *
   * @param connectorId the connector it goes through ({@link DeliveryRoute#WEBHOOK} for internal ones)
   * @param duplicates what it does with a lead marked as a duplicate
   */
  record Target(IntegrationKind kind, UUID integrationId, String connectorId, DuplicatePolicy duplicates) {}
}
