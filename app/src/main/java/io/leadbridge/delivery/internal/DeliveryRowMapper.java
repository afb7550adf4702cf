package io.leadbridge.delivery.internal;

import io.leadbridge.storage.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a {@code deliveries} row; stateless. */
public final class DeliveryRowMapper implements RowMapper<DeliveryRow> {
  @Override
  public DeliveryRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new DeliveryRow(
        rs.getObject("id", UUID.class),
        rs.getObject("tenant_id", UUID.class),
        rs.getObject("lead_id", UUID.class),
        rs.getObject("integration_id", UUID.class),
        rs.getString("integration_kind"),
        rs.getString("connector_id"),
        rs.getString("status"),
        rs.getString("hold_reason"),
        rs.getInt("attempts"),
        rs.getString("last_error_code"),
        rs.getString("last_error_message"),
        rs.getString("remote_id"),
        SqlTimes.instant(rs, "next_attempt_at"),
        SqlTimes.instant(rs, "created_at"),
        SqlTimes.instant(rs, "updated_at"),
        SqlTimes.instant(rs, "acknowledged_at"));
  }
}
