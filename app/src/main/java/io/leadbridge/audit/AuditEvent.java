package io.leadbridge.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of the audit trail. Never holds a value: {@code subject} names an object (a credential
 * id, a data key version) and {@code purpose} why it was touched. Immutable.
 */
public record AuditEvent(
    UUID id,
    Instant at,
    Optional<UUID> tenantId,
    Actor actor,
    AuditAction action,
    Optional<String> subject,
    Optional<String> purpose) {}
