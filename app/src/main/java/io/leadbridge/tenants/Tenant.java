package io.leadbridge.tenants;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A dealership using the hub; immutable.
 *
 * @param tier a non-personal attribute rollouts may target (e.g. {@code enterprise}), or empty
 * @param region a non-personal attribute rollouts may target (e.g. {@code us-east}), or empty
 */
public record Tenant(
    UUID id,
    String name,
    String slug,
    Optional<String> tier,
    Optional<String> region,
    TenantStatus status,
    Instant createdAt,
    Optional<Instant> offboardedAt) {

  public boolean isActive() {
    return status == TenantStatus.ACTIVE;
  }
}
