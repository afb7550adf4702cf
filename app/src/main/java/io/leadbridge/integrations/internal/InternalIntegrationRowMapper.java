package io.leadbridge.integrations.internal;

import io.leadbridge.credentials.CredentialRef;
import io.leadbridge.integrations.DuplicatePolicy;
import io.leadbridge.integrations.IntegrationStatus;
import io.leadbridge.integrations.InternalIntegration;
import io.leadbridge.integrations.WebhookAuth;
import io.leadbridge.integrations.WebhookEndpoint;
import io.leadbridge.storage.SqlTimes;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps an {@code internal_integrations} row; stateless. */
public final class InternalIntegrationRowMapper implements RowMapper<InternalIntegration> {
  @Override
  public InternalIntegration map(ResultSet rs, StatementContext ctx) throws SQLException {
    WebhookEndpoint endpoint = new WebhookEndpoint(
        URI.create(rs.getString("endpoint_url")),
        rs.getString("endpoint_method"),
        StoredJson.stringMap(rs.getString("endpoint_headers")),
        rs.getInt("timeout_ms"));
    String tokenUrl = rs.getString("auth_token_url");
    String scopes = rs.getString("auth_scopes");
    WebhookAuth auth = new WebhookAuth(
        WebhookAuth.Type.fromApiName(rs.getString("auth_type")).orElseThrow(),
        rs.getString("auth_header_name"),
        rs.getString("auth_username"),
        tokenUrl == null ? null : URI.create(tokenUrl),
        rs.getString("auth_client_id"),
        scopes == null ? null : StoredJson.strings(scopes));
    return new InternalIntegration(
        rs.getObject("id", UUID.class),
        rs.getObject("tenant_id", UUID.class),
        rs.getString("name"),
        endpoint,
        auth,
        StoredJson.mappings(rs.getString("field_mappings")),
        Optional.ofNullable(rs.getObject("credential_id", UUID.class)).map(CredentialRef::of),
        rs.getBoolean("enabled"),
        IntegrationStatus.fromColumn(rs.getString("status")),
        Optional.ofNullable(rs.getString("status_reason")),
        SqlTimes.instant(rs, "created_at"),
        SqlTimes.instant(rs, "updated_at"),
        DuplicatePolicy.fromColumn(rs.getString("duplicates")));
  }
}
