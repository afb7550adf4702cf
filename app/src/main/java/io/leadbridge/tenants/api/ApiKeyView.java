package io.leadbridge.tenants.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadbridge.tenants.ApiKey;
import io.leadbridge.tenants.IssuedApiKey;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * An API key as the API shows it; {@code key} is present only in the response that created it;
 * immutable.
 */
public record ApiKeyView(
    UUID id,
    @Schema(nullable = true, description = "null for an operator key") UUID tenantId,
    @Schema(allowableValues = {"OPERATOR", "TENANT_ADMIN", "TENANT_WRITER"}) String role,
    String label,
    Instant createdAt,
    @Schema(nullable = true) Instant revokedAt,
    @Schema(nullable = true, description = "when it last authenticated a request, to the minute") Instant lastUsedAt,
    @Schema(nullable = true, description = "when it stops working; null for never") Instant expiresAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) String key) {

  public static ApiKeyView of(ApiKey k) {
    return new ApiKeyView(
        k.id(),
        k.tenantId().orElse(null),
        k.role().name(),
        k.label(),
        k.createdAt(),
        k.revokedAt().orElse(null),
        k.lastUsedAt().orElse(null),
        k.expiresAt().orElse(null),
        null);
  }

  /** The one response that carries the key itself. */
  public static ApiKeyView created(IssuedApiKey issued) {
    ApiKeyView v = of(issued.apiKey());
    return new ApiKeyView(
        v.id, v.tenantId, v.role, v.label, v.createdAt, v.revokedAt, v.lastUsedAt, v.expiresAt, issued.key());
  }

  @Override
  public String toString() {
    return "ApiKeyView[id=" + id + "]";
  }
}
