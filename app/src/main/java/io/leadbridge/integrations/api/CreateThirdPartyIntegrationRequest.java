package io.leadbridge.integrations.api;

import io.leadbridge.credentials.SecretValue;
import io.leadbridge.integrations.DuplicatePolicy;
import io.leadbridge.integrations.FieldMapping;
import io.leadbridge.web.TextRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/integrations/third-party}; credentials are write-only secrets and never appear in
 * any response. Immutable.
 */
public record CreateThirdPartyIntegrationRequest(
    @NotBlank @Size(min = 1, max = 64) String connector,
    @NotBlank @Size(min = 1, max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
        String name,
    @Size(max = 2048) String baseUrl,
    @Size(max = 50) Map<@NotBlank String, @NotNull @Size(max = 8192) String> settings,
    @Size(max = 16) Map<@NotBlank String, @NotNull SecretValue> credentials,
    @Size(max = 200) List<@NotNull @Valid FieldMapping> fieldMappings,
    @Schema(nullable = true, pattern = DuplicatePolicy.PATTERN, description = DuplicatePolicy.DESCRIPTION)
        @Pattern(regexp = DuplicatePolicy.PATTERN, message = DuplicatePolicy.MESSAGE) String duplicates) {

  public DuplicatePolicy duplicatePolicy() {
    return DuplicatePolicy.orDeliver(duplicates);
  }

  public Map<String, String> settingsOrEmpty() {
    return settings == null ? Map.of() : settings;
  }

  public Map<String, SecretValue> credentialsOrEmpty() {
    return credentials == null ? Map.of() : credentials;
  }

  public List<FieldMapping> fieldMappingsOrEmpty() {
    return fieldMappings == null ? List.of() : fieldMappings;
  }
}
