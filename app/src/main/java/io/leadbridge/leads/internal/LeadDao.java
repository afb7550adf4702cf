package io.leadbridge.leads.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code leads}; Jdbi makes on-demand instances thread-safe. */
@RegisterRowMapper(StoredLeadRowMapper.class)
public interface LeadDao {

  @SqlUpdate(
      "INSERT INTO leads (id, tenant_id, external_id, body, received_at, created_at)"
          + " VALUES (:id, :tenantId, :externalId, :body, :receivedAt, :createdAt)")
  void insert(
      @Bind("id") UUID id,
      @Bind("tenantId") UUID tenantId,
      @Bind("externalId") String externalId,
      @Bind("body") String body,
      @Bind("receivedAt") Instant receivedAt,
      @Bind("createdAt") Instant createdAt);

  @SqlQuery("SELECT * FROM leads WHERE id = :id AND tenant_id = :tenantId")
  Optional<StoredLead> find(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id);

  @SqlQuery(
      "SELECT * FROM leads WHERE tenant_id = :tenantId"
          + " AND (created_at > :afterAt OR (created_at = :afterAt AND id > :afterId))"
          + " ORDER BY created_at, id LIMIT :limit")
  List<StoredLead> page(
      @Bind("tenantId") UUID tenantId,
      @Bind("afterAt") Instant afterAt,
      @Bind("afterId") UUID afterId,
      @Bind("limit") int limit);

  /**
   * The tenant's integrations that take new leads, in creation order: its enabled third-party and
   * internal (webhook) integrations, paused ones included (the engine holds their deliveries until
   * they are active).
   */
  @SqlQuery(
      "SELECT id, kind, connector FROM ("
          + " SELECT id, CAST('third_party' AS VARCHAR(16)) AS kind, connector, created_at FROM third_party_integrations"
          + " WHERE tenant_id = :tenantId AND enabled = TRUE"
          + " UNION ALL SELECT id, CAST('internal' AS VARCHAR(16)) AS kind, CAST('webhook' AS VARCHAR(64)) AS connector, created_at FROM internal_integrations"
          + " WHERE tenant_id = :tenantId AND enabled = TRUE) i ORDER BY created_at, id")
  @RegisterConstructorMapper(IntegrationTarget.class)
  List<IntegrationTarget> enabledIntegrations(@Bind("tenantId") UUID tenantId);

  /** The leads with these ids, whatever their tenant (the delivery engine reads its batch). */
  @SqlQuery("SELECT * FROM leads WHERE id IN (<ids>)")
  List<StoredLead> byIds(@BindList("ids") Collection<UUID> ids);
}
