package io.leadbridge.integrations;

import io.leadbridge.connectors.BuiltInConnector;
import io.leadbridge.connectors.ConnectorRegistry;
import io.leadbridge.connectors.CredentialSource;
import io.leadbridge.connectors.IntegrationRateLimits;
import io.leadbridge.credentials.CredentialVault;
import io.leadbridge.integrations.internal.HttpWebhookDeliverer;
import io.leadbridge.integrations.internal.InternalDeliveryRoutes;
import io.leadbridge.integrations.internal.RegistryConnectorDirectory;
import io.leadbridge.integrations.internal.RoutesByKind;
import io.leadbridge.integrations.internal.ThirdPartyDeliveryRoutes;
import io.leadbridge.integrations.internal.VaultCredentialSource;
import io.leadbridge.integrations.internal.WebhookConnector;
import io.leadbridge.rollout.RolloutGate;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Wires the integrations module. Built in two steps because the plugin host needs this module's
 * credential source before the module can use the host's registry. Thread-safe once built.
 */
public final class IntegrationsModule {

  private final Jdbi jdbi;
  private final CredentialVault vault;
  private final Clock clock;
  private final BaseUrlPolicy urls;
  private final int maxPerTenant;
  private final HttpWebhookDeliverer webhooks;
  private final InternalDeliveryRoutes internalRoutes;

  public IntegrationsModule(Jdbi jdbi, CredentialVault vault, IntegrationsConfiguration config, Clock clock) {
    this.jdbi = jdbi;
    this.vault = vault;
    this.clock = clock;
    this.urls = BaseUrlPolicy.withDns(config.getAllowedHosts());
    this.maxPerTenant = config.getMaxPerTenant();
    this.webhooks = new HttpWebhookDeliverer(jdbi, vault, urls, clock);
    this.internalRoutes = new InternalDeliveryRoutes(jdbi, clock);
  }

  /**
   * The built-in connector of internal integrations (one deliverer: it holds the OAuth token cache).
   *
   * @param leadDocuments the leads with these ids as their tenants sent them, by id
   * @param rateLimits where a receiver's {@code Retry-After} pause is recorded
   */
  public BuiltInConnector webhookConnector(Function<Collection<UUID>, Map<UUID, String>> leadDocuments,
      IntegrationRateLimits rateLimits) {
    return new WebhookConnector(webhooks, leadDocuments, rateLimits, clock);
  }

  /** The delivery engine's view of internal integrations (kind INTERNAL only). */
  public DeliveryRoutes internalDeliveryRoutes() {
    return internalRoutes;
  }

  /** What the plugin host reads credentials through. */
  public CredentialSource credentialSource() {
    return new VaultCredentialSource(jdbi, vault);
  }

  /** Where the delivery engine sends each integration's leads. */
  public DeliveryRoutes deliveryRoutes() {
    return new RoutesByKind(Map.of(
        IntegrationKind.THIRD_PARTY, new ThirdPartyDeliveryRoutes(jdbi, clock),
        IntegrationKind.INTERNAL, internalRoutes));
  }

  /** The JAX-RS resources, on top of the plugin host's registry and the rollout flags. */
  public List<Object> resources(ConnectorRegistry registry, RolloutGate rollout, CheckRunner checks) {
    ConnectorDirectory directory = new RegistryConnectorDirectory(registry, rollout);
    ThirdPartyIntegrationService service = new ThirdPartyIntegrationService(jdbi, vault, directory, urls, checks, clock,
        maxPerTenant);
    return List.of(new ThirdPartyIntegrationsResource(service), new AvailableConnectorsResource(directory),
        new InternalIntegrationsResource(new InternalIntegrationService(jdbi, vault, urls, registry, checks, clock,
        maxPerTenant)));
  }
}
