package io.leadbridge.leads.internal;

import io.leadbridge.storage.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a {@code leads} row; stateless. */
public final class StoredLeadRowMapper implements RowMapper<StoredLead> {
  @Override
  public StoredLead map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new StoredLead(
        rs.getObject("id", UUID.class),
        rs.getObject("tenant_id", UUID.class),
        rs.getString("body"),
        SqlTimes.instant(rs, "received_at"),
        SqlTimes.instant(rs, "created_at"),
        rs.getObject("duplicate_of", UUID.class));
  }
}
