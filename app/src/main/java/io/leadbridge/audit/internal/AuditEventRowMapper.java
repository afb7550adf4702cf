package io.leadbridge.audit.internal;

import io.leadbridge.audit.Actor;
import io.leadbridge.audit.AuditAction;
import io.leadbridge.audit.AuditEvent;
import io.leadbridge.storage.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps an {@code audit_events} row; stateless. */
public final class AuditEventRowMapper implements RowMapper<AuditEvent> {
  @Override
  public AuditEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new AuditEvent(
        rs.getObject("id", UUID.class),
        SqlTimes.instant(rs, "at"),
        Optional.ofNullable(rs.getObject("tenant_id", UUID.class)),
        new Actor(rs.getString("actor")),
        AuditAction.fromWireName(rs.getString("action")),
        Optional.ofNullable(rs.getString("subject")),
        Optional.ofNullable(rs.getString("purpose")));
  }
}
