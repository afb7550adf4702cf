package io.leadbridge.integrations.api;

import io.leadbridge.integrations.DuplicatePolicy;
import io.leadbridge.integrations.FieldMapping;
import io.leadbridge.web.TextRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/**
 * {@code PATCH /v1/integrations/internal/{id}}: every field is optional; a given one replaces the
 * old (a given endpoint replaces the whole endpoint). Secrets change only through
 * {@code PUT …/credentials}. Immutable.
 */
public record UpdateInternalIntegrationRequest(
    @Schema(minLength = 1, maxLength = 200, pattern = TextRules.SINGLE_LINE) String name,
    @Valid EndpointRequest endpoint,
    @Size(max = 200) List<@NotNull FieldMapping> fieldMappings,
    Boolean enabled,
    @Schema(nullable = true, pattern = DuplicatePolicy.PATTERN, description = DuplicatePolicy.DESCRIPTION)
        @Pattern(regexp = DuplicatePolicy.PATTERN, message = DuplicatePolicy.MESSAGE) String duplicates) {

  public Optional<DuplicatePolicy> duplicatePolicy() {
    return DuplicatePolicy.given(duplicates);
  }
}
