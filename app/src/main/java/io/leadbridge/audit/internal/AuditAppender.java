package io.leadbridge.audit.internal;

import io.leadbridge.audit.AuditEvent;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The one insert every audited action makes, apart from {@link AuditDao}'s reads: Jdbi builds
 * handlers for every method of a SqlObject on each attach, and credential opens audit on their hot
 * path. Jdbi makes on-demand instances thread-safe.
 */
public interface AuditAppender {

  @SqlUpdate(
      "INSERT INTO audit_events (id, at, tenant_id, actor, action, subject, purpose)"
          + " VALUES (:id, :at, CAST(:tenantId AS UUID), :actor, :action, :subject, :purpose)")
  void insert(
      @Bind("id") UUID id,
      @Bind("at") Instant at,
      @Bind("tenantId") UUID tenantId,
      @Bind("actor") String actor,
      @Bind("action") String action,
      @Bind("subject") String subject,
      @Bind("purpose") String purpose);

  default void append(AuditEvent event) {
    insert(
        event.id(),
        event.at(),
        event.tenantId().orElse(null),
        event.actor().name(),
        event.action().wireName(),
        event.subject().orElse(null),
        event.purpose().orElse(null));
  }
}
