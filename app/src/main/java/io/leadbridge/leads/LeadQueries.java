package io.leadbridge.leads;

import io.leadbridge.leads.LeadException.LeadNotFound;
import io.leadbridge.leads.internal.CanonicalJson;
import io.leadbridge.leads.internal.LeadDao;
import io.leadbridge.leads.internal.StoredLead;
import io.leadbridge.storage.Page;
import io.leadbridge.storage.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reads a tenant's leads with where each delivery stands; thread-safe. */
public final class LeadQueries {

  private final Jdbi jdbi;
  private final DeliveryOutbox outbox;

  public LeadQueries(Jdbi jdbi, DeliveryOutbox outbox) {
    this.jdbi = jdbi;
    this.outbox = outbox;
  }

  /**
   * One lead of the tenant.
   *
   * @throws LeadNotFound if the tenant has none with this id
   */
  public Lead get(UUID tenantId, UUID leadId) {
    return jdbi.withHandle(h -> h.attach(LeadDao.class).find(tenantId, leadId)
        .map(stored -> withDeliveries(h, tenantId, List.of(stored)).get(0)))
        .orElseThrow(LeadNotFound::new);
  }

  /** The tenant's leads in intake order. */
  public Page<Lead> list(UUID tenantId, PageRequest request) {
    List<Lead> rows = jdbi.withHandle(h -> withDeliveries(h, tenantId, h.attach(LeadDao.class)
        .page(tenantId, request.afterCreatedAt(), request.afterId(), request.limit() + 1)));
    return Page.fromOverfetch(rows, request, lead -> PageRequest.cursorAfter(lead.createdAt(), lead.id()));
  }

  /** The leads with these ids, ready to hand to a connector, by id; missing ids are left out. */
  public Map<UUID, DeliverableLead> forDelivery(Collection<UUID> leadIds) {
    if (leadIds.isEmpty()) {
      return Map.of();
    }
    return jdbi.withExtension(LeadDao.class, dao -> dao.byIds(leadIds)).stream()
        .collect(Collectors.toMap(StoredLead::id, LeadQueries::deliverable));
  }

  /** The leads with these ids as their tenants sent them (the stored canonical JSON), by id; missing ids are left out. */
  public Map<UUID, String> documents(Collection<UUID> leadIds) {
    if (leadIds.isEmpty()) {
      return Map.of();
    }
    return jdbi.withExtension(LeadDao.class, dao -> dao.byIds(leadIds)).stream()
        .collect(Collectors.toMap(StoredLead::id, StoredLead::body));
  }

  private static DeliverableLead deliverable(StoredLead stored) {
    Lead lead = new Lead(stored.id(), stored.tenantId(), CanonicalJson.lead(stored.body()), stored.receivedAt(),
        stored.createdAt(), List.of(), Optional.ofNullable(stored.duplicateOf()));
    return new DeliverableLead(stored.id(), stored.tenantId(), LeadRecords.of(lead), stored.body(),
        LeadRecords.markedDuplicate(lead));
  }

  private List<Lead> withDeliveries(Handle handle, UUID tenantId, List<StoredLead> leads) {
    if (leads.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<Delivery>> byLead = outbox.ofLeads(handle, tenantId, leads.stream().map(StoredLead::id).toList())
        .stream()
        .collect(Collectors.groupingBy(Delivery::leadId));
    return leads.stream()
        .map(l -> new Lead(l.id(), l.tenantId(), CanonicalJson.lead(l.body()), l.receivedAt(), l.createdAt(),
            byLead.getOrDefault(l.id(), List.of()), Optional.ofNullable(l.duplicateOf())))
        .toList();
  }
}
