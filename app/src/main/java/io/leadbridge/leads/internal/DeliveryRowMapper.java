package io.leadbridge.leads.internal;

import io.leadbridge.leads.Delivery;
import io.leadbridge.leads.DeliveryStatus;
import io.leadbridge.storage.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a {@code deliveries} row; stateless. */
public final class DeliveryRowMapper implements RowMapper<Delivery> {
  @Override
  public Delivery map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Delivery(
        rs.getObject("id", UUID.class),
        rs.getObject("lead_id", UUID.class),
        rs.getObject("integration_id", UUID.class),
        DeliveryStatus.fromColumn(rs.getString("status")),
        rs.getInt("attempts"),
        SqlTimes.instant(rs, "next_attempt_at"),
        Optional.ofNullable(rs.getString("last_error_code")),
        Optional.ofNullable(rs.getString("remote_id")),
        SqlTimes.instant(rs, "updated_at"));
  }
}
