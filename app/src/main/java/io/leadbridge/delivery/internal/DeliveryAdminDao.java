package io.leadbridge.delivery.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for what operators and tenants do to deliveries by hand; Jdbi makes on-demand instances thread-safe. */
@RegisterRowMapper(DeliveryRowMapper.class)
public interface DeliveryAdminDao {

  String SELECT = "SELECT d.* FROM deliveries d";

  @SqlQuery(SELECT + " WHERE d.id = :id")
  Optional<DeliveryRow> find(@Bind("id") UUID id);

  /** A page of deliveries in one status, optionally of one tenant, in creation order. */
  @SqlQuery(SELECT + " WHERE d.status = :status"
      + " AND (CAST(:tenantId AS UUID) IS NULL OR d.tenant_id = CAST(:tenantId AS UUID))"
      + " AND (d.created_at > :afterAt OR (d.created_at = :afterAt AND d.id > :afterId))"
      + " ORDER BY d.created_at, d.id LIMIT :limit")
  List<DeliveryRow> page(
      @Bind("status") String status,
      @Bind("tenantId") UUID tenantId,
      @Bind("afterAt") Instant afterAt,
      @Bind("afterId") UUID afterId,
      @Bind("limit") int limit);

  /** A page of the tenant's manual queue: entries not acknowledged yet. */
  @SqlQuery(SELECT + " WHERE d.tenant_id = :tenantId AND d.status = 'manual' AND d.acknowledged_at IS NULL"
      + " AND (d.created_at > :afterAt OR (d.created_at = :afterAt AND d.id > :afterId))"
      + " ORDER BY d.created_at, d.id LIMIT :limit")
  List<DeliveryRow> manualQueue(
      @Bind("tenantId") UUID tenantId,
      @Bind("afterAt") Instant afterAt,
      @Bind("afterId") UUID afterId,
      @Bind("limit") int limit);

  /** A dead or held delivery due again now, with a fresh retry budget. */
  @SqlUpdate("UPDATE deliveries SET status = 'pending', attempts = 0, hold_reason = NULL, next_attempt_at = :now,"
      + " updated_at = :now WHERE id = :id AND status IN ('dead', 'held')")
  int replay(@Bind("id") UUID id, @Bind("now") Instant now);

  /** A dead or held delivery to its tenant's manual queue; a held one keeps its hold reason as the queue's reason. */
  @SqlUpdate("UPDATE deliveries SET status = 'manual', acknowledged_at = NULL, updated_at = :now"
      + " WHERE id = :id AND status IN ('dead', 'held')")
  int toManualQueue(@Bind("id") UUID id, @Bind("now") Instant now);

  /**
   * The tenant's held deliveries that every filter given (connector, integration, hold reason)
   * matches, to its manual queue with their hold reason.
   */
  @SqlUpdate("UPDATE deliveries SET status = 'manual', acknowledged_at = NULL, updated_at = :now"
      + " WHERE tenant_id = :tenantId AND status = 'held'"
      + " AND (CAST(:connectorId AS VARCHAR(64)) IS NULL OR connector_id = CAST(:connectorId AS VARCHAR(64)))"
      + " AND (CAST(:integrationId AS UUID) IS NULL OR integration_id = CAST(:integrationId AS UUID))"
      + " AND (CAST(:reason AS VARCHAR(32)) IS NULL OR hold_reason = CAST(:reason AS VARCHAR(32)))")
  int heldToManualQueue(
      @Bind("tenantId") UUID tenantId,
      @Bind("connectorId") String connectorId,
      @Bind("integrationId") UUID integrationId,
      @Bind("reason") String reason,
      @Bind("now") Instant now);

  @SqlUpdate("UPDATE deliveries SET acknowledged_at = :now, updated_at = :now"
      + " WHERE id = :id AND tenant_id = :tenantId AND status = 'manual' AND acknowledged_at IS NULL")
  int acknowledge(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id, @Bind("now") Instant now);
}
