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
import java.util.Map;
import java.util.Optional;

/** {@code PATCH /v1/integrations/third-party/{id}}: every field is optional; a given one replaces the old. Immutable. */
public record UpdateThirdPartyIntegrationRequest(
    @Size(min = 1, max = 200) @Pattern(regexp = "(?=.*\\S)" + TextRules.SINGLE_LINE, message = "must not be blank and " + TextRules.SINGLE_LINE_MESSAGE)
        String name,
    @Size(max = 2048) String baseUrl,
    @Size(max = 50) Map<String, @NotNull @Size(max = 8192) String> settings,
    @Size(max = 200) List<@NotNull @Valid FieldMapping> fieldMappings,
    Boolean enabled,
    @Schema(nullable = true, pattern = DuplicatePolicy.PATTERN, description = DuplicatePolicy.DESCRIPTION)
        @Pattern(regexp = DuplicatePolicy.PATTERN, message = DuplicatePolicy.MESSAGE) String duplicates) {

  public Optional<DuplicatePolicy> duplicatePolicy() {
    return DuplicatePolicy.given(duplicates);
  }
}
