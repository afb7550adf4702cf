package io.leadbridge.delivery.internal;

import io.leadbridge.storage.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Row mappers of the engine's outbox queries; times read the same way on H2 and PostgreSQL. Stateless. */
public final class OutboxRows {

  private OutboxRows() {}

  /** Maps a {@link DueIntegration}. */
  public static final class Due implements RowMapper<DueIntegration> {
    @Override
    public DueIntegration map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new DueIntegration(rs.getObject("integration_id", UUID.class), rs.getString("kind"),
          rs.getObject("tenant_id", UUID.class), rs.getString("connector_id"), SqlTimes.instant(rs, "oldest_due"));
    }
  }

  /** Maps a {@link ClaimedDelivery}. */
  public static final class Claimed implements RowMapper<ClaimedDelivery> {
    @Override
    public ClaimedDelivery map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new ClaimedDelivery(rs.getObject("id", UUID.class), rs.getObject("lead_id", UUID.class),
          rs.getInt("attempts"), SqlTimes.instant(rs, "created_at"));
    }
  }

  /** Maps a {@link HeldGroup}. */
  public static final class Held implements RowMapper<HeldGroup> {
    @Override
    public HeldGroup map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new HeldGroup(rs.getObject("integration_id", UUID.class), rs.getString("kind"),
          rs.getObject("tenant_id", UUID.class), rs.getString("connector_id"), rs.getString("hold_reason"));
    }
  }
}
