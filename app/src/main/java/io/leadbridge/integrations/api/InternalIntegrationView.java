package io.leadbridge.integrations.api;

import io.leadbridge.credentials.CredentialMetadata;
import io.leadbridge.integrations.FieldMapping;
import io.leadbridge.integrations.InternalIntegration;
import io.leadbridge.integrations.WebhookAuth;
import io.leadbridge.integrations.WebhookEndpoint;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An internal integration as the API shows it: the auth flow's non-secret settings, its secrets
 * only as their state, and whether it is paused and why. Immutable.
 */
public record InternalIntegrationView(
    UUID id,
    String name,
    WebhookEndpoint endpoint,
    WebhookAuth auth,
    List<FieldMapping> fieldMappings,
    CredentialStateView credentials,
    boolean enabled,
    String status,
    @Schema(nullable = true) String statusReason,
    Instant createdAt,
    Instant updatedAt,
    @Schema(allowableValues = {"deliver", "deliver-marked", "suppress"}) String duplicates) {

  public static InternalIntegrationView of(InternalIntegration i, Optional<CredentialMetadata> credentials) {
    return new InternalIntegrationView(
        i.id(),
        i.name(),
        i.endpoint(),
        i.auth(),
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
