package io.leadbridge.delivery.internal;

import io.leadbridge.leads.Delivery;
import io.leadbridge.storage.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The outbox SQL intake needs: new pending deliveries, and the deliveries of leads as tenants read
 * them. Attached to the caller's handle, so a lead and its deliveries commit together.
 */
@RegisterRowMapper(IntakeDao.Rows.class)
public interface IntakeDao {

  /** A new delivery: pending, never attempted, due now. */
  @SqlUpdate(
      "INSERT INTO deliveries (id, tenant_id, lead_id, integration_id, integration_kind, connector_id, status,"
          + " attempts, next_attempt_at, created_at, updated_at)"
          + " VALUES (:id, :tenantId, :leadId, :integrationId, :kind, :connector, 'pending', 0, :at, :at, :at)")
  void insertPending(@Bind("id") UUID id, @Bind("tenantId") UUID tenantId, @Bind("leadId") UUID leadId,
      @Bind("integrationId") UUID integrationId, @Bind("kind") String kind, @Bind("connector") String connectorId,
      @Bind("at") Instant at);

  /** A new delivery that will not be attempted, its reason as its last error (a duplicate its integration suppresses). */
  @SqlUpdate(
      "INSERT INTO deliveries (id, tenant_id, lead_id, integration_id, integration_kind, connector_id, status,"
          + " attempts, next_attempt_at, last_error_code, last_error_message, created_at, updated_at)"
          + " VALUES (:id, :tenantId, :leadId, :integrationId, :kind, :connector, 'skipped', 0, :at, :code,"
          + " :message, :at, :at)")
  void insertSkipped(@Bind("id") UUID id, @Bind("tenantId") UUID tenantId, @Bind("leadId") UUID leadId,
      @Bind("integrationId") UUID integrationId, @Bind("kind") String kind, @Bind("connector") String connectorId,
      @Bind("code") String code, @Bind("message") String message, @Bind("at") Instant at);

  /** The deliveries of the given leads of the tenant, in creation order per lead. */
  @SqlQuery(
      "SELECT * FROM deliveries WHERE tenant_id = :tenantId AND lead_id IN (<leadIds>)"
          + " ORDER BY lead_id, created_at, id")
  List<Delivery> ofLeads(@Bind("tenantId") UUID tenantId, @BindList("leadIds") Collection<UUID> leadIds);

  /** Maps a {@code deliveries} row to the tenants' read model; stateless. */
  final class Rows implements RowMapper<Delivery> {
    @Override
    public Delivery map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Delivery(
          rs.getObject("id", UUID.class),
          rs.getObject("lead_id", UUID.class),
          rs.getObject("integration_id", UUID.class),
          rs.getString("status"),
          rs.getInt("attempts"),
          SqlTimes.instant(rs, "next_attempt_at"),
          Optional.ofNullable(rs.getString("hold_reason")),
          Optional.ofNullable(rs.getString("last_error_code")),
          Optional.ofNullable(rs.getString("last_error_message")),
          Optional.ofNullable(rs.getString("remote_id")),
          SqlTimes.instant(rs, "updated_at"));
    }
  }
}
