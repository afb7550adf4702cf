package io.leadbridge.tenants.api;

import io.leadbridge.tenants.Tenant;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A tenant as the API shows it; immutable. */
public record TenantView(
    UUID id,
    String name,
    String slug,
    TenantAttributesJson attributes,
    @Schema(allowableValues = {"active", "offboarded"}) String status,
    Instant createdAt,
    @Schema(nullable = true) Instant offboardedAt) {

  public static TenantView of(Tenant t) {
    return new TenantView(
        t.id(),
        t.name(),
        t.slug(),
        new TenantAttributesJson(t.tier().orElse(null), t.region().orElse(null)),
        t.status().column(),
        t.createdAt(),
        t.offboardedAt().orElse(null));
  }
}
