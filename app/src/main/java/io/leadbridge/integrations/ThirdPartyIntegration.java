package io.leadbridge.integrations;

import io.leadbridge.connectors.IntegrationKey;
import io.leadbridge.credentials.CredentialRef;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's account at a CRM vendor, served by a connector plugin: settings, mappings, state and a
 * reference to its credentials in the vault (never the credentials). Immutable.
 */
public record ThirdPartyIntegration(
    UUID id,
    UUID tenantId,
    String connector,
    String name,
    Optional<URI> baseUrl,
    Map<String, String> settings,
    List<FieldMapping> fieldMappings,
    Optional<CredentialRef> credential,
    boolean enabled,
    IntegrationStatus status,
    Optional<String> statusReason,
    Instant createdAt,
    Instant updatedAt,
    Optional<String> vendorAccount,
    DuplicatePolicy duplicates) {

  public ThirdPartyIntegration {
    settings = Map.copyOf(settings);
    fieldMappings = List.copyOf(fieldMappings);
  }

  /**
   * The vendor account whose budget paces its calls: the one its last passed check named, or, until
   * a check names one, an account of its own.
   */
  public String budgetAccount() {
    return vendorAccount.orElseGet(() -> IntegrationKey.ownAccount(id));
  }
}
