package io.leadbridge.delivery;

import io.leadbridge.delivery.internal.IntakeDao;
import io.leadbridge.integrations.DuplicatePolicy;
import io.leadbridge.integrations.EnabledIntegrations;
import io.leadbridge.leads.Delivery;
import io.leadbridge.leads.DeliveryOutbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The outbox as intake sees it: a new lead gets one pending delivery per enabled integration of its
 * tenant, in the lead's transaction, and tenants read their leads' deliveries through it. The
 * delivery module's implementation of the leads module's port; thread-safe.
 */
public final class IntakeOutbox implements DeliveryOutbox {

  /** The last error code of a delivery skipped because its lead is a duplicate its integration suppresses. */
  public static final String DUPLICATE = "duplicate";

  private final EnabledIntegrations integrations;

  public IntakeOutbox(EnabledIntegrations integrations) {
    this.integrations = integrations;
  }

  @Override
  public List<Delivery> enqueue(Handle transaction, UUID tenantId, UUID leadId, Optional<UUID> duplicateOf,
      Instant now) {
    IntakeDao outbox = transaction.attach(IntakeDao.class);
    List<Delivery> queued = new ArrayList<>();
    for (EnabledIntegrations.Target target : integrations.of(transaction, tenantId)) {
      UUID id = UUID.randomUUID();
      if (duplicateOf.isPresent() && target.duplicates() == DuplicatePolicy.SUPPRESS) {
        String message = "a duplicate of lead " + duplicateOf.get() + ", which this integration got";
        outbox.insertSkipped(id, tenantId, leadId, target.integrationId(), target.kind().column(),
            target.connectorId(), DUPLICATE, message, now);
        queued.add(new Delivery(id, leadId, target.integrationId(), DeliveryStatus.SKIPPED.column(), 0, now,
            Optional.empty(), Optional.of(DUPLICATE), Optional.of(message), Optional.empty(), now));
        continue;
      }
      outbox.insertPending(id, tenantId, leadId, target.integrationId(), target.kind().column(), target.connectorId(),
          now);
      queued.add(new Delivery(id, leadId, target.integrationId(), DeliveryStatus.PENDING.column(), 0, now,
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), now));
    }
    return queued;
  }

  @Override
  public List<Delivery> ofLeads(Handle handle, UUID tenantId, Collection<UUID> leadIds) {
    return handle.attach(IntakeDao.class).ofLeads(tenantId, leadIds);
  }
}
