package io.leadbridge.integrations.api;

import io.leadbridge.credentials.CredentialMetadata;
import io.leadbridge.integrations.FieldMapping;
import io.leadbridge.integrations.ThirdPartyIntegration;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A third-party integration as the API shows it; credentials only as their state. Immutable. */
public record ThirdPartyIntegrationView(
    UUID id,
    String connector,
    String name,
    @Schema(nullable = true) URI baseUrl,
    Map<String, String> settings,
    List<FieldMapping> fieldMappings,
    CredentialStateView credentials,
    boolean enabled,
    String status,
    @Schema(nullable = true) String statusReason,
    Instant createdAt,
    Instant updatedAt,
    @Schema(allowableValues = {"deliver", "deliver-marked", "suppress"}) String duplicates) {

  public static ThirdPartyIntegrationView of(ThirdPartyIntegration i, Optional<CredentialMetadata> credentials) {
    return new ThirdPartyIntegrationView(
        i.id(),
        i.connector(),
        i.name(),
        i.baseUrl().orElse(null),
        i.settings(),
        i.fieldMappings(),
        CredentialStateView.of(credentials),
        i.enabled(),
        i.status().column(),
        i.statusReason().orElse(null),
        i.createdAt(),
        i.updatedAt(),
        i.duplicates().column());
  }
}
