package io.leadbridge.tenants;

import io.leadbridge.auth.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What may be shown of an API key: never its secret or hash; immutable.
 *
 * @param lastUsedAt when it last authenticated a request, to the minute
 * @param expiresAt when it stops authenticating; never when empty
 */
public record ApiKey(
    UUID id,
    Optional<UUID> tenantId,
    Role role,
    String label,
    Instant createdAt,
    Optional<Instant> revokedAt,
    Optional<Instant> lastUsedAt,
    Optional<Instant> expiresAt) {}
