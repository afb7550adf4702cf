package io.leadbridge.integrations.internal;

import io.leadbridge.integrations.InternalIntegration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code internal_integrations}; Jdbi makes on-demand instances thread-safe. */
@RegisterRowMapper(InternalIntegrationRowMapper.class)
public interface InternalIntegrationDao {

  @SqlUpdate(
      "INSERT INTO internal_integrations (id, tenant_id, name, endpoint_url, endpoint_method, endpoint_headers,"
          + " timeout_ms, auth_type, auth_header_name, auth_username, auth_token_url, auth_client_id, auth_scopes,"
          + " field_mappings, credential_id, enabled, status, created_at, updated_at, duplicates)"
          + " VALUES (:id, :tenantId, :name, :c.url, :c.method, :c.headers, :c.timeoutMs, :c.authType,"
          + " :c.headerName, :c.username, :c.tokenUrl, :c.clientId, :c.scopes, :c.fieldMappings, :credentialId,"
          + " TRUE, 'active', :at, :at, :duplicates)")
  void insert(
      @Bind("id") UUID id,
      @Bind("tenantId") UUID tenantId,
      @Bind("name") String name,
      @BindMethods("c") InternalIntegrationColumns columns,
      @Bind("credentialId") UUID credentialId,
      @Bind("at") Instant at,
      @Bind("duplicates") String duplicates);

  @SqlQuery("SELECT COUNT(*) FROM internal_integrations WHERE tenant_id = :tenantId")
  int count(@Bind("tenantId") UUID tenantId);

  @SqlQuery("SELECT * FROM internal_integrations WHERE id = :id AND tenant_id = :tenantId")
  Optional<InternalIntegration> find(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id);

  /** For the delivery engine, which knows integrations by id only. */
  @SqlQuery("SELECT * FROM internal_integrations WHERE id IN (<ids>)")
  List<InternalIntegration> findByIds(@BindList("ids") List<UUID> ids);

  @SqlQuery(
      "SELECT * FROM internal_integrations WHERE tenant_id = :tenantId"
          + " AND (created_at > :afterAt OR (created_at = :afterAt AND id > :afterId))"
          + " ORDER BY created_at, id LIMIT :limit")
  List<InternalIntegration> page(
      @Bind("tenantId") UUID tenantId,
      @Bind("afterAt") Instant afterAt,
      @Bind("afterId") UUID afterId,
      @Bind("limit") int limit);

  @SqlUpdate(
      "UPDATE internal_integrations SET name = :name, endpoint_url = :c.url, endpoint_method = :c.method,"
          + " endpoint_headers = :c.headers, timeout_ms = :c.timeoutMs, field_mappings = :c.fieldMappings,"
          + " enabled = :enabled, duplicates = :duplicates, updated_at = :at WHERE id = :id AND tenant_id = :tenantId")
  int update(
      @Bind("tenantId") UUID tenantId,
      @Bind("id") UUID id,
      @Bind("name") String name,
      @BindMethods("c") InternalIntegrationColumns columns,
      @Bind("enabled") boolean enabled,
      @Bind("duplicates") String duplicates,
      @Bind("at") Instant at);

  /** New secrets and the auth settings that go with them; the tenant's attention is given, so it is active again. */
  @SqlUpdate(
      "UPDATE internal_integrations SET auth_type = :c.authType, auth_header_name = :c.headerName,"
          + " auth_username = :c.username, auth_token_url = :c.tokenUrl, auth_client_id = :c.clientId,"
          + " auth_scopes = :c.scopes, credential_id = :credentialId, status = 'active', status_reason = NULL,"
          + " updated_at = :at WHERE id = :id AND tenant_id = :tenantId")
  int setAuth(
      @Bind("tenantId") UUID tenantId,
      @Bind("id") UUID id,
      @BindMethods("c") InternalIntegrationColumns columns,
      @Bind("credentialId") UUID credentialId,
      @Bind("at") Instant at);

  @SqlUpdate(
      "UPDATE internal_integrations SET status = 'paused', status_reason = :reason, updated_at = :at WHERE id = :id")
  int pause(@Bind("id") UUID id, @Bind("reason") String reason, @Bind("at") Instant at);

  @SqlUpdate("DELETE FROM internal_integrations WHERE id = :id AND tenant_id = :tenantId")
  int delete(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id);
}
