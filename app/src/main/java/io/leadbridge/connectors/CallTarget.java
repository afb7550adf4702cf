package io.leadbridge.connectors;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The integration a leased connector call is for: whose it is, where its vendor is and its
 * non-secret settings; immutable. Its credentials are not here: the call's context fetches them
 * from the {@link CredentialSource} by tenant, integration and field, only when they are used.
 *
 * @param tenantId the tenant
 * @param integrationId the tenant's integration (its account at the vendor)
 * @param baseUrlOverride the integration's own base URL, when it does not use the descriptor's
 *     default (the integrations module validates it, SSRF rules included, before it gets here)
 * @param settings the integration's settings by field name, validated against the descriptor when
 *     the call's context is made
 * @param account the vendor account the integration's credentials spend, whose budget paces the call
 */
public record CallTarget(UUID tenantId, UUID integrationId, Optional<URI> baseUrlOverride, Map<String, String> settings,
    String account) {

  public CallTarget {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(integrationId, "integrationId");
    Objects.requireNonNull(baseUrlOverride, "baseUrlOverride");
    Objects.requireNonNull(account, "account");
    settings = Map.copyOf(settings);
  }

  /** A target paced as an account of its own (its vendor account is not known). */
  public CallTarget(UUID tenantId, UUID integrationId, Optional<URI> baseUrlOverride, Map<String, String> settings) {
    this(tenantId, integrationId, baseUrlOverride, settings, IntegrationKey.ownAccount(integrationId));
  }

  /** A target that uses the connector's default base URL. */
  public static CallTarget of(UUID tenantId, UUID integrationId, Map<String, String> settings) {
    return new CallTarget(tenantId, integrationId, Optional.empty(), settings);
  }

  /** A copy with the integration's own base URL. */
  public CallTarget withBaseUrl(URI baseUrl) {
    return new CallTarget(tenantId, integrationId, Optional.of(baseUrl), settings, account);
  }
}
