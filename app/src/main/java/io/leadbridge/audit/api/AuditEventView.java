package io.leadbridge.audit.api;

import io.leadbridge.audit.AuditEvent;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** An audit event as the API shows it; immutable. */
public record AuditEventView(
    UUID id, Instant at, @Schema(nullable = true) UUID tenantId, String actor, String action, @Schema(nullable = true) String subject, @Schema(nullable = true) String purpose) {

  public static AuditEventView of(AuditEvent e) {
    return new AuditEventView(
        e.id(),
        e.at(),
        e.tenantId().orElse(null),
        e.actor().name(),
        e.action().wireName(),
        e.subject().orElse(null),
        e.purpose().orElse(null));
  }
}
