package io.leadbridge.tenants.internal;

import io.leadbridge.storage.SqlTimes;
import io.leadbridge.tenants.Tenant;
import io.leadbridge.tenants.TenantStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a {@code tenants} row; thread-safe (stateless). */
public final class TenantRowMapper implements RowMapper<Tenant> {

  @Override
  public Tenant map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Tenant(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("slug"),
        Optional.ofNullable(rs.getString("tier")),
        Optional.ofNullable(rs.getString("region")),
        TenantStatus.fromColumn(rs.getString("status")),
        SqlTimes.instant(rs, "created_at"),
        Optional.ofNullable(SqlTimes.instant(rs, "offboarded_at")));
  }
}
