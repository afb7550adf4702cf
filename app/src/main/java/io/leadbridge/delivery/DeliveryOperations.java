package io.leadbridge.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadbridge.audit.Actor;
import io.leadbridge.audit.AuditAction;
import io.leadbridge.audit.AuditTrail;
import io.leadbridge.delivery.DeliveryException.DeliveryNotFound;
import io.leadbridge.delivery.DeliveryException.WrongDeliveryState;
import io.leadbridge.delivery.api.DeliveryView;
import io.leadbridge.delivery.api.ManualQueueEntryView;
import io.leadbridge.delivery.api.MoveHeldRequest;
import io.leadbridge.delivery.internal.DeliveryAdminDao;
import io.leadbridge.delivery.internal.DeliveryRow;
import io.leadbridge.delivery.internal.ManualQueueCsv;
import io.leadbridge.leads.DeliverableLead;
import io.leadbridge.leads.LeadQueries;
import io.leadbridge.storage.Page;
import io.leadbridge.storage.PageRequest;
import io.leadbridge.web.QueryParams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * What people do to deliveries by hand: operators list dead letters (or any status), replay them,
 * and move held or dead work to a tenant's manual queue; tenants read, export and acknowledge their
 * manual queue. Every change is audited. Thread-safe.
 */
public final class DeliveryOperations {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CSV_PAGE = 200;

  private final Jdbi jdbi;
  private final AuditTrail audit;
  private final Clock clock;
  private final LeadQueries leads;

  public DeliveryOperations(Jdbi jdbi, AuditTrail audit, Clock clock, LeadQueries leads) {
    this.jdbi = jdbi;
    this.audit = audit;
    this.clock = clock;
    this.leads = leads;
  }

  /** Deliveries in one status (dead letters by default), of every tenant or one. */
  public Page<DeliveryView> list(Optional<String> status, Optional<UUID> tenantId, PageRequest request) {
    String column = status.map(DeliveryOperations::checkedStatus).orElse(DeliveryStatus.DEAD.column());
    List<DeliveryRow> rows = jdbi.withExtension(DeliveryAdminDao.class, dao -> dao.page(column,
        tenantId.orElse(null), request.afterCreatedAt(), request.afterId(), request.limit() + 1));
    Map<UUID, DeliverableLead> ofRows = leadsOf(rows);
    return Page.fromOverfetch(rows, request, r -> PageRequest.cursorAfter(r.createdAt(), r.id()))
        .map(r -> DeliveryView.of(r, externalId(ofRows, r)));
  }

  /** Makes a dead or held delivery due now with a fresh retry budget. */
  public DeliveryView replay(UUID deliveryId, Actor actor) {
    DeliveryRow row = find(deliveryId);
    if (jdbi.withExtension(DeliveryAdminDao.class, dao -> dao.replay(deliveryId, clock.instant())) == 0) {
      throw new WrongDeliveryState("replay", find(deliveryId).status(), "dead or held");
    }
    audit.record(Optional.of(row.tenantId()), actor, AuditAction.DELIVERY_REPLAYED, "delivery " + deliveryId, null);
    return view(find(deliveryId));
  }

  /** Moves one dead or held delivery to its tenant's manual queue. */
  public DeliveryView moveToManualQueue(UUID deliveryId, Actor actor) {
    DeliveryRow row = find(deliveryId);
    if (jdbi.withExtension(DeliveryAdminDao.class, dao -> dao.toManualQueue(deliveryId, clock.instant())) == 0) {
      throw new WrongDeliveryState("move to the manual queue", find(deliveryId).status(), "dead or held");
    }
    audit.record(Optional.of(row.tenantId()), actor, AuditAction.DELIVERY_MOVED_TO_MANUAL_QUEUE,
        "delivery " + deliveryId, null);
    return view(find(deliveryId));
  }

  /** Moves every held delivery of the tenant that the filters given match to its manual queue. */
  public int moveHeldToManualQueue(MoveHeldRequest filter, Actor actor) {
    int moved = jdbi.withExtension(DeliveryAdminDao.class, dao -> dao.heldToManualQueue(filter.tenantId(),
        filter.connector(), filter.integrationId(), filter.reason(), clock.instant()));
    String matching = (filter.connector() == null ? "" : " through " + filter.connector())
        + (filter.integrationId() == null ? "" : " of integration " + filter.integrationId())
        + (filter.reason() == null ? "" : " held for " + filter.reason());
    audit.record(Optional.of(filter.tenantId()), actor, AuditAction.DELIVERY_MOVED_TO_MANUAL_QUEUE,
        moved + " held deliveries" + matching, null);
    return moved;
  }

  /** The tenant's manual queue: leads staff must enter by hand, oldest first. */
  public Page<ManualQueueEntryView> manualQueue(UUID tenantId, PageRequest request) {
    List<DeliveryRow> rows = manualRows(tenantId, request);
    Map<UUID, DeliverableLead> ofRows = leadsOf(rows);
    return Page.fromOverfetch(rows, request, r -> PageRequest.cursorAfter(r.createdAt(), r.id()))
        .map(r -> new ManualQueueEntryView(r.id(), r.leadId(), externalId(ofRows, r).orElse(null), r.integrationId(),
            r.integrationKind(), r.connectorId(), r.queueReasonCode(), r.queueReasonMessage(), r.updatedAt(),
            lead(ofRows, r)));
  }

  /** Writes the tenant's whole manual queue as CSV. */
  public void writeManualQueueCsv(UUID tenantId, Writer out) {
    try {
      out.write(ManualQueueCsv.HEADER);
      PageRequest request = PageRequest.of(CSV_PAGE, null);
      while (true) {
        List<DeliveryRow> rows = manualRows(tenantId, request);
        Map<UUID, DeliverableLead> ofRows = leadsOf(rows);
        for (DeliveryRow row : rows.subList(0, Math.min(rows.size(), CSV_PAGE))) {
          out.write(ManualQueueCsv.line(row, externalId(ofRows, row), lead(ofRows, row)));
        }
        if (rows.size() <= CSV_PAGE) {
          return;
        }
        DeliveryRow last = rows.get(CSV_PAGE - 1);
        request = PageRequest.of(CSV_PAGE, PageRequest.cursorAfter(last.createdAt(), last.id()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Marks a manual-queue entry handled; acknowledging it again changes nothing. */
  public void acknowledge(UUID tenantId, UUID deliveryId, Actor actor) {
    DeliveryRow row = jdbi.withExtension(DeliveryAdminDao.class, dao -> dao.find(deliveryId))
        .filter(r -> r.tenantId().equals(tenantId) && DeliveryStatus.MANUAL.column().equals(r.status()))
        .orElseThrow(DeliveryNotFound::new);
    if (row.acknowledgedAt() != null) {
      return;
    }
    jdbi.useExtension(DeliveryAdminDao.class, dao -> dao.acknowledge(tenantId, deliveryId, clock.instant()));
    audit.record(Optional.of(tenantId), actor, AuditAction.MANUAL_QUEUE_ACKNOWLEDGED, "delivery " + deliveryId, null);
  }

  private List<DeliveryRow> manualRows(UUID tenantId, PageRequest request) {
    return jdbi.withExtension(DeliveryAdminDao.class,
        dao -> dao.manualQueue(tenantId, request.afterCreatedAt(), request.afterId(), request.limit() + 1));
  }

  private DeliveryRow find(UUID deliveryId) {
    return jdbi.withExtension(DeliveryAdminDao.class, dao -> dao.find(deliveryId)).orElseThrow(DeliveryNotFound::new);
  }

  private DeliveryView view(DeliveryRow row) {
    return DeliveryView.of(row, externalId(leadsOf(List.of(row)), row));
  }

  /** The rows' leads, read through the leads module (which owns them) in one query. */
  private Map<UUID, DeliverableLead> leadsOf(List<DeliveryRow> rows) {
    return rows.isEmpty() ? Map.of() : leads.forDelivery(rows.stream().map(DeliveryRow::leadId).distinct().toList());
  }

  private static Optional<String> externalId(Map<UUID, DeliverableLead> leads, DeliveryRow row) {
    return Optional.ofNullable(leads.get(row.leadId())).flatMap(lead -> lead.record().externalId());
  }

  /** The lead as stored; an empty object for one no longer stored. */
  private static JsonNode lead(Map<UUID, DeliverableLead> leads, DeliveryRow row) {
    DeliverableLead lead = leads.get(row.leadId());
    if (lead == null) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(lead.json());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored lead " + row.leadId() + " is not JSON", e);
    }
  }

  private static String checkedStatus(String status) {
    try {
      return DeliveryStatus.fromColumn(status).column();
    } catch (IllegalArgumentException e) {
      throw new QueryParams.InvalidQuery("status", "must be one of pending, in_flight, delivered, retrying, held, dead,"
          + " manual, skipped");
    }
  }
}
