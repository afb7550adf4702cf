package io.leadbridge.leads.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code leads}; Jdbi makes on-demand instances thread-safe. */
@RegisterRowMapper(StoredLeadRowMapper.class)
public interface LeadDao {

  @SqlUpdate(
      "INSERT INTO leads (id, tenant_id, external_id, body, received_at, created_at, duplicate_of)"
          + " VALUES (:id, :tenantId, :externalId, :body, :receivedAt, :createdAt, CAST(:duplicateOf AS UUID))")
  void insert(
      @Bind("id") UUID id,
      @Bind("tenantId") UUID tenantId,
      @Bind("externalId") String externalId,
      @Bind("body") String body,
      @Bind("receivedAt") Instant receivedAt,
      @Bind("createdAt") Instant createdAt,
      @Bind("duplicateOf") UUID duplicateOf);

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

  /** The leads with these ids, whatever their tenant (the delivery engine reads its batch). */
  @SqlQuery("SELECT * FROM leads WHERE id IN (<ids>)")
  List<StoredLead> byIds(@BindList("ids") Collection<UUID> ids);
}
