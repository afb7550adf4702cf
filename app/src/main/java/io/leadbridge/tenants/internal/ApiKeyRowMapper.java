package io.leadbridge.tenants.internal;

import io.leadbridge.auth.Role;
import io.leadbridge.storage.SqlTimes;
import io.leadbridge.tenants.ApiKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps the showable columns of an {@code api_keys} row; thread-safe (stateless). */
public final class ApiKeyRowMapper implements RowMapper<ApiKey> {

  @Override
  public ApiKey map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ApiKey(
        rs.getObject("id", UUID.class),
        Optional.ofNullable(rs.getObject("tenant_id", UUID.class)),
        Role.valueOf(rs.getString("role")),
        rs.getString("label"),
        SqlTimes.instant(rs, "created_at"),
        Optional.ofNullable(SqlTimes.instant(rs, "revoked_at")),
        Optional.ofNullable(SqlTimes.instant(rs, "last_used_at")),
        Optional.ofNullable(SqlTimes.instant(rs, "expires_at")));
  }
}
