package io.leadbridge.integrations;

import io.leadbridge.credentials.CredentialRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's own system, served by the built-in webhook deliverer: endpoint, auth flow, mappings,
 * state and a reference to its secrets in the vault (never the secrets). Immutable.
 */
public record InternalIntegration(
    UUID id,
    UUID tenantId,
    String name,
    WebhookEndpoint endpoint,
    WebhookAuth auth,
    List<FieldMapping> fieldMappings,
    Optional<CredentialRef> credential,
    boolean enabled,
    IntegrationStatus status,
    Optional<String> statusReason,
    Instant createdAt,
    Instant updatedAt,
    DuplicatePolicy duplicates) {

  public InternalIntegration {
    fieldMappings = List.copyOf(fieldMappings);
  }
}
