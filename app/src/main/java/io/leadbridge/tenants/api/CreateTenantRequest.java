package io.leadbridge.tenants.api;

import io.leadbridge.tenants.NewTenant;
import io.leadbridge.web.TextRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/** Body of {@code POST /v1/tenants}; immutable. */
public record CreateTenantRequest(
    @NotBlank @Size(min = 1, max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
        String name,
    @NotBlank
        @Pattern(
            regexp = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?",
            message =
                "must be 1-63 lowercase letters, digits or hyphens, not starting or ending with a"
                    + " hyphen")
        String slug,
    @Valid TenantAttributesJson attributes) {

  /** The validated request as the tenants module's input. */
  public NewTenant toNewTenant() {
    TenantAttributesJson attrs = attributes == null ? TenantAttributesJson.NONE : attributes;
    return new NewTenant(
        name.strip(), slug, Optional.ofNullable(attrs.tier()), Optional.ofNullable(attrs.region()));
  }
}
