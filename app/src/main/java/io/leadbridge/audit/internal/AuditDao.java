package io.leadbridge.audit.internal;

import io.leadbridge.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads of the append-only {@code audit_events} table (writes: {@link AuditAppender}); Jdbi makes on-demand instances thread-safe. */
@RegisterRowMapper(AuditEventRowMapper.class)
public interface AuditDao {

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
