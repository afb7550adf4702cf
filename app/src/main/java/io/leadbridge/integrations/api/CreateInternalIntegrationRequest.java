package io.leadbridge.integrations.api;

import io.leadbridge.credentials.SecretValue;
import io.leadbridge.integrations.DuplicatePolicy;
import io.leadbridge.integrations.FieldMapping;
import io.leadbridge.web.TextRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /v1/integrations/internal}; the auth flow's secrets and the signing secret are
 * write-only and never appear in any response. Fields are checked together by the service (one
 * 422 names every fault). Immutable.
 *
 * @param signingSecret the key of the {@code X-Leadbridge-Signature} HMAC; at least 32 bytes
 */
public record CreateInternalIntegrationRequest(
    @Schema(minLength = 1, maxLength = 200, pattern = TextRules.SINGLE_LINE) String name,
    @Valid EndpointRequest endpoint,
    @Valid AuthRequest auth,
    SecretValue signingSecret,
    @Size(max = 200) List<@NotNull FieldMapping> fieldMappings,
    @Schema(nullable = true, pattern = DuplicatePolicy.PATTERN, description = DuplicatePolicy.DESCRIPTION)
        @Pattern(regexp = DuplicatePolicy.PATTERN, message = DuplicatePolicy.MESSAGE) String duplicates) {

  public DuplicatePolicy duplicatePolicy() {
    return DuplicatePolicy.orDeliver(duplicates);
  }

  public List<FieldMapping> fieldMappingsOrEmpty() {
    return fieldMappings == null ? List.of() : fieldMappings;
  }
}
