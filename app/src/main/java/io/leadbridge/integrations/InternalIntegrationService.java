package io.leadbridge.integrations;

import io.leadbridge.audit.Actor;
import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connectors.CallTarget;
import io.leadbridge.connectors.ConnectorRegistry;
import io.leadbridge.credentials.CredentialMetadata;
import io.leadbridge.credentials.CredentialRef;
import io.leadbridge.credentials.CredentialVault;
import io.leadbridge.credentials.SecretValue;
import io.leadbridge.errors.FieldError;
import io.leadbridge.integrations.IntegrationException.IntegrationLimitReached;
import io.leadbridge.integrations.IntegrationException.IntegrationNotFound;
import io.leadbridge.integrations.IntegrationException.InvalidIntegration;
import io.leadbridge.integrations.api.CreateInternalIntegrationRequest;
import io.leadbridge.integrations.api.ReplaceInternalCredentialsRequest;
import io.leadbridge.integrations.api.UpdateInternalIntegrationRequest;
import io.leadbridge.integrations.internal.InternalIntegrationColumns;
import io.leadbridge.integrations.internal.InternalIntegrationDao;
import io.leadbridge.integrations.internal.MappingValidation;
import io.leadbridge.integrations.internal.WebhookValidation;
import io.leadbridge.storage.Page;
import io.leadbridge.storage.PageRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Creates, reads, changes, checks and removes a tenant's internal (webhook) integrations: every
 * field checked at once against the webhook rules and the URL policy, secrets kept in the vault.
 * Thread-safe.
 */
public final class InternalIntegrationService {

  private final Jdbi jdbi;
  private final CredentialVault vault;
  private final BaseUrlPolicy urls;
  private final ConnectorRegistry connectors;
  private final CheckRunner checks;
  private final Clock clock;
  private final int maxPerTenant;

  public InternalIntegrationService(
      Jdbi jdbi, CredentialVault vault, BaseUrlPolicy urls, ConnectorRegistry connectors, CheckRunner checks,
      Clock clock, int maxPerTenant) {
    this.maxPerTenant = maxPerTenant;
    this.jdbi = jdbi;
    this.vault = vault;
    this.urls = urls;
    this.connectors = connectors;
    this.checks = checks;
    this.clock = clock;
  }

  /** Creates an enabled, active integration; its secrets go to the vault first. */
  public InternalIntegration create(UUID tenantId, CreateInternalIntegrationRequest request, Actor actor) {
    if (jdbi.withExtension(InternalIntegrationDao.class, dao -> dao.count(tenantId)) >= maxPerTenant) {
      throw new IntegrationLimitReached("internal", maxPerTenant);
    }
    List<FieldError> errors = new ArrayList<>();
    WebhookValidation.name(request.name(), errors);
    WebhookEndpoint endpoint = WebhookValidation.endpoint(request.endpoint(), urls, errors);
    WebhookAuth auth = WebhookValidation.auth(request.auth(), urls, errors);
    WebhookValidation.signingSecret(request.signingSecret(), errors);
    errors.addAll(MappingValidation.webhook(request.fieldMappingsOrEmpty()));
    if (!errors.isEmpty()) {
      throw new InvalidIntegration(errors);
    }
    InternalIntegrationColumns columns = InternalIntegrationColumns.of(endpoint, auth, request.fieldMappingsOrEmpty());
    Map<String, SecretValue> secrets = WebhookValidation.secrets(request.auth(), auth.type(), request.signingSecret());
    UUID id = UUID.randomUUID();
    CredentialRef credential = vault.store(tenantId, secrets, actor).ref();
    try {
      jdbi.useExtension(InternalIntegrationDao.class, dao -> dao.insert(
          id, tenantId, request.name().strip(), columns, credential.id(), clock.instant(),
          request.duplicatePolicy().column()));
    } catch (RuntimeException e) {
      // No integration points at the new envelope: destroy it rather than leave a secret behind.
      vault.destroy(tenantId, credential, actor);
      throw e;
    }
    return get(tenantId, id);
  }

  /**
   * One integration of the tenant.
   *
   * @throws IntegrationNotFound if the tenant has none with this id
   */
  public InternalIntegration get(UUID tenantId, UUID id) {
    return jdbi.withExtension(InternalIntegrationDao.class, dao -> dao.find(tenantId, id))
        .orElseThrow(IntegrationNotFound::new);
  }

  /** The tenant's internal integrations in creation order. */
  public Page<InternalIntegration> list(UUID tenantId, PageRequest request) {
    List<InternalIntegration> rows = jdbi.withExtension(InternalIntegrationDao.class,
        dao -> dao.page(tenantId, request.afterCreatedAt(), request.afterId(), request.limit() + 1));
    return Page.fromOverfetch(rows, request, i -> PageRequest.cursorAfter(i.createdAt(), i.id()));
  }

  /** What may be shown of the integration's secrets. */
  public Optional<CredentialMetadata> credentialState(InternalIntegration integration) {
    return integration.credential().map(ref -> vault.describe(integration.tenantId(), ref));
  }

  /** Changes name, endpoint, mappings, enabled or the duplicate policy; absent fields stay as they are. */
  public InternalIntegration update(UUID tenantId, UUID id, UpdateInternalIntegrationRequest request) {
    InternalIntegration current = get(tenantId, id);
    List<FieldError> errors = new ArrayList<>();
    if (request.name() != null) {
      WebhookValidation.name(request.name(), errors);
    }
    WebhookEndpoint endpoint = request.endpoint() == null
        ? current.endpoint() : WebhookValidation.endpoint(request.endpoint(), urls, errors);
    List<FieldMapping> mappings = request.fieldMappings() == null ? current.fieldMappings() : request.fieldMappings();
    if (request.fieldMappings() != null) {
      errors.addAll(MappingValidation.webhook(mappings));
    }
    if (!errors.isEmpty()) {
      throw new InvalidIntegration(errors);
    }
    InternalIntegrationColumns columns = InternalIntegrationColumns.of(endpoint, current.auth(), mappings);
    String name = request.name() == null ? current.name() : request.name().strip();
    boolean enabled = request.enabled() == null ? current.enabled() : request.enabled();
    String duplicates = request.duplicatePolicy().orElse(current.duplicates()).column();
    jdbi.useExtension(InternalIntegrationDao.class,
        dao -> dao.update(tenantId, id, name, columns, enabled, duplicates, clock.instant()));
    return get(tenantId, id);
  }

  /**
   * Replaces the auth flow with its secrets and the signing secret at once; a paused integration
   * becomes active again (its tenant has acted).
   */
  public void replaceCredentials(UUID tenantId, UUID id, ReplaceInternalCredentialsRequest request, Actor actor) {
    InternalIntegration current = get(tenantId, id);
    List<FieldError> errors = new ArrayList<>();
    WebhookAuth auth = WebhookValidation.auth(request.auth(), urls, errors);
    WebhookValidation.signingSecret(request.signingSecret(), errors);
    if (!errors.isEmpty()) {
      throw new InvalidIntegration(errors);
    }
    InternalIntegrationColumns columns = InternalIntegrationColumns.of(current.endpoint(), auth, current.fieldMappings());
    Map<String, SecretValue> secrets = WebhookValidation.secrets(request.auth(), auth.type(), request.signingSecret());
    CredentialRef ref = current.credential().isPresent()
        ? vault.replace(tenantId, current.credential().get(), secrets, actor).ref()
        : vault.store(tenantId, secrets, actor).ref();
    jdbi.useExtension(InternalIntegrationDao.class, dao -> dao.setAuth(tenantId, id, columns, ref.id(), clock.instant()));
  }

  /** Sends the endpoint a signed ping with the integration's auth flow, through the built-in webhook connector. */
  public CheckResult check(UUID tenantId, UUID id) {
    get(tenantId, id);
    CallTarget target = CallTarget.of(tenantId, id, Map.of());
    return checks.run(DeliveryRoute.WEBHOOK, tenantId, id,
        deadline -> connectors.check(DeliveryRoute.WEBHOOK, target, deadline));
  }

  /** Removes the integration and destroys its secrets. */
  public void delete(UUID tenantId, UUID id, Actor actor) {
    InternalIntegration current = get(tenantId, id);
    jdbi.useExtension(InternalIntegrationDao.class, dao -> dao.delete(tenantId, id));
    current.credential().ifPresent(ref -> vault.destroy(tenantId, ref, actor));
  }
}
