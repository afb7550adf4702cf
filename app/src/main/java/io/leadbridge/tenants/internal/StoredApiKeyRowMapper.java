package io.leadbridge.tenants.internal;

import io.leadbridge.auth.ApiKeyStore.StoredApiKey;
import io.leadbridge.auth.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps what authentication needs of an {@code api_keys} row; thread-safe (stateless). */
public final class StoredApiKeyRowMapper implements RowMapper<StoredApiKey> {

  @Override
  public StoredApiKey map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new StoredApiKey(
        rs.getObject("id", UUID.class),
        Role.valueOf(rs.getString("role")),
        Optional.ofNullable(rs.getObject("tenant_id", UUID.class)),
        rs.getString("secret_hash"));
  }
}
