package io.leadbridge.leads.internal;

import io.leadbridge.leads.Delivery;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code deliveries} as intake writes and reads them; Jdbi makes on-demand instances thread-safe. */
@RegisterRowMapper(DeliveryRowMapper.class)
public interface DeliveryDao {

  /** A new delivery: pending, never attempted, due now. */
  @SqlUpdate(
      "INSERT INTO deliveries (id, tenant_id, lead_id, integration_id, integration_kind, connector_id, status,"
          + " attempts, next_attempt_at, created_at, updated_at)"
          + " VALUES (:id, :tenantId, :leadId, :target.id, :target.kind, :target.connector, 'pending', 0, :at, :at, :at)")
  void insertPending(
      @Bind("id") UUID id,
      @Bind("tenantId") UUID tenantId,
      @Bind("leadId") UUID leadId,
      @BindMethods("target") IntegrationTarget target,
      @Bind("at") Instant at);

  /** The deliveries of the given leads of the tenant, in creation order per lead. */
  @SqlQuery(
      "SELECT * FROM deliveries WHERE tenant_id = :tenantId AND lead_id IN (<leadIds>)"
          + " ORDER BY lead_id, created_at, id")
  List<Delivery> ofLeads(@Bind("tenantId") UUID tenantId, @BindList("leadIds") Collection<UUID> leadIds);
}
