package io.leadbridge.tenants.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * Body of {@code GET /v1/me}: the calling key and its tenant, which an operator key has none of
 * (the field is then absent: OpenAPI 3.0 cannot mark a reference to another schema nullable in a
 * way validators and generated clients agree on); immutable.
 */
public record MeView(
    UUID keyId,
    @Schema(allowableValues = {"OPERATOR", "TENANT_ADMIN", "TENANT_WRITER"}) String role,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "the key's tenant; absent for an operator key") TenantView tenant) {}
