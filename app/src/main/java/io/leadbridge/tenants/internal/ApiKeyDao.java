package io.leadbridge.tenants.internal;

import io.leadbridge.auth.ApiKeyStore.StoredApiKey;
import io.leadbridge.tenants.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the {@code api_keys} table; Jdbi makes on-demand instances thread-safe. */
@RegisterRowMapper(ApiKeyRowMapper.class)
@RegisterRowMapper(StoredApiKeyRowMapper.class)
public interface ApiKeyDao {

  @SqlUpdate(
      "INSERT INTO api_keys (id, tenant_id, role, label, secret_hash, created_at, expires_at)"
          + " VALUES (:id, CAST(:tenantId AS UUID), :role, :label, :secretHash, :createdAt, :expiresAt)")
  void insert(
      @Bind("id") UUID id,
      @Bind("tenantId") UUID tenantId,
      @Bind("role") String role,
      @Bind("label") String label,
      @Bind("secretHash") String secretHash,
      @Bind("createdAt") Instant createdAt,
      @Bind("expiresAt") Instant expiresAt);

  @SqlQuery(
      "SELECT k.id, k.role, k.tenant_id, k.secret_hash FROM api_keys k"
          + " LEFT JOIN tenants t ON t.id = k.tenant_id"
          + " WHERE k.id = :id AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > :now)"
          + " AND (k.tenant_id IS NULL OR t.status = 'active')")
  Optional<StoredApiKey> findUsable(@Bind("id") UUID id, @Bind("now") Instant now);

  /** Records a use; an older or equal time (another node got there first) changes nothing. */
  @SqlUpdate("UPDATE api_keys SET last_used_at = :at WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :at)")
  int markUsed(@Bind("id") UUID id, @Bind("at") Instant at);

  @SqlQuery(
      "SELECT * FROM api_keys WHERE role = 'OPERATOR'"
          + " AND (created_at > :afterAt OR (created_at = :afterAt AND id > :afterId))"
          + " ORDER BY created_at, id LIMIT :limit")
  List<ApiKey> pageOperatorKeys(
      @Bind("afterAt") Instant afterAt, @Bind("afterId") UUID afterId, @Bind("limit") int limit);

  @SqlQuery("SELECT * FROM api_keys WHERE id = :id AND role = 'OPERATOR'")
  Optional<ApiKey> findOperatorKey(@Bind("id") UUID id);

  /**
   * The ids of the operator keys that still work, locked until the transaction ends, so that two
   * revocations at once cannot both see another key left and together revoke the last one.
   */
  @SqlQuery(
      "SELECT id FROM api_keys WHERE role = 'OPERATOR' AND revoked_at IS NULL"
          + " AND (expires_at IS NULL OR expires_at > :now) FOR UPDATE")
  List<UUID> lockUsableOperatorKeys(@Bind("now") Instant now);

  @SqlUpdate("UPDATE api_keys SET revoked_at = :at WHERE id = :id AND role = 'OPERATOR' AND revoked_at IS NULL")
  int revokeOperatorKey(@Bind("id") UUID id, @Bind("at") Instant at);

  @SqlQuery(
      "SELECT * FROM api_keys WHERE tenant_id = :tenantId"
          + " AND (created_at > :afterAt OR (created_at = :afterAt AND id > :afterId))"
          + " ORDER BY created_at, id LIMIT :limit")
  List<ApiKey> pageForTenant(
      @Bind("tenantId") UUID tenantId,
      @Bind("afterAt") Instant afterAt,
      @Bind("afterId") UUID afterId,
      @Bind("limit") int limit);

  @SqlQuery("SELECT * FROM api_keys WHERE id = :id AND tenant_id = :tenantId")
  Optional<ApiKey> findForTenant(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id);

  @SqlUpdate(
      "UPDATE api_keys SET revoked_at = :at"
          + " WHERE id = :id AND tenant_id = :tenantId AND revoked_at IS NULL")
  int revoke(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id, @Bind("at") Instant at);

  @SqlUpdate("UPDATE api_keys SET revoked_at = :at WHERE tenant_id = :tenantId AND revoked_at IS NULL")
  int revokeAllOfTenant(@Bind("tenantId") UUID tenantId, @Bind("at") Instant at);

  @SqlQuery(
      "SELECT COUNT(*) FROM api_keys WHERE role = 'OPERATOR' AND revoked_at IS NULL"
          + " AND (expires_at IS NULL OR expires_at > :now)")
  int countUsableOperatorKeys(@Bind("now") Instant now);
}
