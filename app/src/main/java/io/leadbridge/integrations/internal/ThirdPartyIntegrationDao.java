package io.leadbridge.integrations.internal;

import io.leadbridge.integrations.ThirdPartyIntegration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code third_party_integrations}; Jdbi makes on-demand instances thread-safe. */
@RegisterRowMapper(ThirdPartyIntegrationRowMapper.class)
public interface ThirdPartyIntegrationDao {

  @SqlUpdate(
      "INSERT INTO third_party_integrations (id, tenant_id, connector, name, base_url, settings, field_mappings,"
          + " credential_id, enabled, status, created_at, updated_at, duplicates)"
          + " VALUES (:id, :tenantId, :connector, :name, :baseUrl, :settings, :fieldMappings,"
          + " :credentialId, TRUE, 'active', :at, :at, :duplicates)")
  void insert(
      @Bind("id") UUID id,
      @Bind("tenantId") UUID tenantId,
      @Bind("connector") String connector,
      @Bind("name") String name,
      @Bind("baseUrl") String baseUrl,
      @Bind("settings") String settings,
      @Bind("fieldMappings") String fieldMappings,
      @Bind("credentialId") UUID credentialId,
      @Bind("at") Instant at,
      @Bind("duplicates") String duplicates);

  @SqlQuery("SELECT COUNT(*) FROM third_party_integrations WHERE tenant_id = :tenantId")
  int count(@Bind("tenantId") UUID tenantId);

  @SqlQuery("SELECT * FROM third_party_integrations WHERE id = :id AND tenant_id = :tenantId")
  Optional<ThirdPartyIntegration> find(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id);

  @SqlQuery(
      "SELECT * FROM third_party_integrations WHERE tenant_id = :tenantId"
          + " AND (created_at > :afterAt OR (created_at = :afterAt AND id > :afterId))"
          + " ORDER BY created_at, id LIMIT :limit")
  List<ThirdPartyIntegration> page(
      @Bind("tenantId") UUID tenantId,
      @Bind("afterAt") Instant afterAt,
      @Bind("afterId") UUID afterId,
      @Bind("limit") int limit);

  @SqlUpdate(
      "UPDATE third_party_integrations SET name = :name, base_url = :baseUrl, settings = :settings,"
          + " field_mappings = :fieldMappings, enabled = :enabled, duplicates = :duplicates, updated_at = :at"
          + " WHERE id = :id AND tenant_id = :tenantId")
  int update(
      @Bind("tenantId") UUID tenantId,
      @Bind("id") UUID id,
      @Bind("name") String name,
      @Bind("baseUrl") String baseUrl,
      @Bind("settings") String settings,
      @Bind("fieldMappings") String fieldMappings,
      @Bind("enabled") boolean enabled,
      @Bind("duplicates") String duplicates,
      @Bind("at") Instant at);

  /** Sets new credentials; an integration paused because its old ones were refused becomes active again. */
  @SqlUpdate(
      "UPDATE third_party_integrations SET credential_id = :credentialId, status = 'active', status_reason = NULL,"
          + " vendor_account = NULL, updated_at = :at"
          + " WHERE id = :id AND tenant_id = :tenantId")
  int setCredential(
      @Bind("tenantId") UUID tenantId, @Bind("id") UUID id, @Bind("credentialId") UUID credentialId, @Bind("at") Instant at);

  /** The integration whatever its tenant, for the delivery engine. */
  /** Records the vendor account a passed check named; new credentials clear it (they may spend another). */
  @SqlUpdate(
      "UPDATE third_party_integrations SET vendor_account = :account, updated_at = :at"
          + " WHERE id = :id AND tenant_id = :tenantId")
  int setVendorAccount(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id, @Bind("account") String account,
      @Bind("at") Instant at);

  @SqlQuery("SELECT * FROM third_party_integrations WHERE id IN (<ids>)")
  List<ThirdPartyIntegration> findForDelivery(@BindList("ids") List<UUID> ids);

  @SqlUpdate(
      "UPDATE third_party_integrations SET status = 'paused', status_reason = :reason, updated_at = :at WHERE id = :id")
  int pause(@Bind("id") UUID id, @Bind("reason") String reason, @Bind("at") Instant at);

  @SqlUpdate("DELETE FROM third_party_integrations WHERE id = :id AND tenant_id = :tenantId")
  int delete(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id);
}
