package io.leadbridge.leads;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Where intake queues a new lead's deliveries and reads their state back: the port the delivery
 * module implements, since it alone owns the {@code deliveries} table and its statuses. The lead
 * and its deliveries commit together: both calls work in the caller's handle. Implementations are
 * thread-safe.
 */
public interface DeliveryOutbox {

  /**
   * Queues one delivery of the lead for each of the tenant's enabled integrations, in the caller's
   * transaction: pending, or skipped where the integration suppresses duplicates and the lead is one.
   *
   * @param duplicateOf the first lead of the same shopper, when the lead is a duplicate
   * @return the new deliveries, in the order of the tenant's integrations
   */
  List<Delivery> enqueue(Handle transaction, UUID tenantId, UUID leadId, Optional<UUID> duplicateOf, Instant now);

  /** The deliveries of these leads of the tenant, in creation order per lead. */
  List<Delivery> ofLeads(Handle handle, UUID tenantId, Collection<UUID> leadIds);
}
