package io.leadbridge.tenants.api;

import io.leadbridge.auth.Role;
import io.leadbridge.web.TextRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/tenants/{tenantId}/api-keys}; immutable. */
public record CreateApiKeyRequest(
    @NotNull
        @Schema(allowableValues = {"TENANT_ADMIN", "TENANT_WRITER"})
        @Pattern(regexp = "TENANT_ADMIN|TENANT_WRITER", message = "must be TENANT_ADMIN or TENANT_WRITER")
        String role,
    @NotBlank @Size(min = 1, max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
        String label) {

  public Role parsedRole() {
    return Role.valueOf(role);
  }
}
