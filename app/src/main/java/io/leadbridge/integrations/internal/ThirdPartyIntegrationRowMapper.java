package io.leadbridge.integrations.internal;

import io.leadbridge.credentials.CredentialRef;
import io.leadbridge.integrations.DuplicatePolicy;
import io.leadbridge.integrations.IntegrationStatus;
import io.leadbridge.integrations.ThirdPartyIntegration;
import io.leadbridge.storage.SqlTimes;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a {@code third_party_integrations} row; stateless. */
public final class ThirdPartyIntegrationRowMapper implements RowMapper<ThirdPartyIntegration> {
  @Override
  public ThirdPartyIntegration map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ThirdPartyIntegration(
        rs.getObject("id", UUID.class),
        rs.getObject("tenant_id", UUID.class),
        rs.getString("connector"),
        rs.getString("name"),
        Optional.ofNullable(rs.getString("base_url")).map(URI::create),
        StoredJson.stringMap(rs.getString("settings")),
        StoredJson.mappings(rs.getString("field_mappings")),
        Optional.ofNullable(rs.getObject("credential_id", UUID.class)).map(CredentialRef::of),
        rs.getBoolean("enabled"),
        IntegrationStatus.fromColumn(rs.getString("status")),
        Optional.ofNullable(rs.getString("status_reason")),
        SqlTimes.instant(rs, "created_at"),
        SqlTimes.instant(rs, "updated_at"),
        Optional.ofNullable(rs.getString("vendor_account")),
        DuplicatePolicy.fromColumn(rs.getString("duplicates")));
  }
}
