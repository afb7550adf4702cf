package io.leadbridge.audit.internal;

import io.leadbridge.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the append-only {@code audit_events} table; Jdbi makes on-demand instances thread-safe. */
@RegisterRowMapper(AuditEventRowMapper.class)
public interface AuditDao {

  @SqlUpdate(
      "INSERT INTO audit_events (id, at, tenant_id, actor, action, subject, purpose)"
          + " VALUES (:id, :at, :tenantId, :actor, :action, :subject, :purpose)")
  void insert(
      @Bind("id") UUID id,
      @Bind("at") Instant at,
      @Bind("tenantId") UUID tenantId,
      @Bind("actor") String actor,
      @Bind("action") String action,
      @Bind("subject") String subject,
      @Bind("purpose") String purpose);

  default void insert(AuditEvent event) {
    insert(
        event.id(),
        event.at(),
        event.tenantId().orElse(null),
        event.actor().name(),
        event.action().wireName(),
        event.subject().orElse(null),
        event.purpose().orElse(null));
  }

  @SqlQuery(
      "SELECT * FROM audit_events WHERE at > :afterAt OR (at = :afterAt AND id > :afterId)"
          + " ORDER BY at, id LIMIT :limit")
  List<AuditEvent> page(
      @Bind("afterAt") Instant afterAt, @Bind("afterId") UUID afterId, @Bind("limit") int limit);

  @SqlQuery(
      "SELECT * FROM audit_events WHERE tenant_id = :tenantId"
          + " AND (at > :afterAt OR (at = :afterAt AND id > :afterId))"
          + " ORDER BY at, id LIMIT :limit")
  List<AuditEvent> pageForTenant(
      @Bind("tenantId") UUID tenantId,
      @Bind("afterAt") Instant afterAt,
      @Bind("afterId") UUID afterId,
      @Bind("limit") int limit);
}
