package io.leadbridge.leads.internal;

import io.leadbridge.storage.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a {@code lead_idempotency_keys} row; stateless. */
public final class IdempotencyRecordRowMapper implements RowMapper<IdempotencyRecord> {
  @Override
  public IdempotencyRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new IdempotencyRecord(
        rs.getString("request_hash"),
        rs.getObject("claim_token", UUID.class),
        "completed".equals(rs.getString("state")),
        rs.getInt("response_status"),
        rs.getString("response_body"),
        rs.getObject("lead_id", UUID.class),
        SqlTimes.instant(rs, "claimed_at"));
  }
}
