package io.leadbridge.integrations;

import io.leadbridge.audit.Actor;
import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.credentials.CredentialMetadata;
import io.leadbridge.credentials.CredentialRef;
import io.leadbridge.credentials.CredentialVault;
import io.leadbridge.credentials.SecretValue;
import io.leadbridge.errors.FieldError;
import io.leadbridge.integrations.IntegrationException.ConnectorNotEnabled;
import io.leadbridge.integrations.IntegrationException.IntegrationLimitReached;
import io.leadbridge.integrations.IntegrationException.IntegrationNotFound;
import io.leadbridge.integrations.IntegrationException.InvalidIntegration;
import io.leadbridge.integrations.api.CreateThirdPartyIntegrationRequest;
import io.leadbridge.integrations.api.UpdateThirdPartyIntegrationRequest;
import io.leadbridge.integrations.internal.DescriptorValidation;
import io.leadbridge.integrations.internal.MappingValidation;
import io.leadbridge.integrations.internal.StoredJson;
import io.leadbridge.integrations.internal.ThirdPartyIntegrationDao;
import io.leadbridge.storage.Page;
import io.leadbridge.storage.PageRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Creates, reads, changes, checks and removes a tenant's third-party integrations, validating each
 * against its connector's descriptor and the URL policy, with credentials kept in the vault.
 * Thread-safe.
 */
public final class ThirdPartyIntegrationService {

  private final Jdbi jdbi;
  private final CredentialVault vault;
  private final ConnectorDirectory directory;
  private final BaseUrlPolicy urls;
  private final CheckRunner checks;
  private final Clock clock;
  private final int maxPerTenant;

  public ThirdPartyIntegrationService(
      Jdbi jdbi, CredentialVault vault, ConnectorDirectory directory, BaseUrlPolicy urls, CheckRunner checks, Clock clock,
      int maxPerTenant) {
    this.maxPerTenant = maxPerTenant;
    this.jdbi = jdbi;
    this.vault = vault;
    this.directory = directory;
    this.urls = urls;
    this.checks = checks;
    this.clock = clock;
  }

  /** Creates an enabled integration; its credentials go to the vault first. */
  public ThirdPartyIntegration create(UUID tenantId, CreateThirdPartyIntegrationRequest request, Actor actor) {
    ConnectorDescriptor descriptor = availableConnector(tenantId, request.connector());
    if (jdbi.withExtension(ThirdPartyIntegrationDao.class, dao -> dao.count(tenantId)) >= maxPerTenant) {
      throw new IntegrationLimitReached("third-party", maxPerTenant);
    }
    List<FieldError> errors = new ArrayList<>();
    URI baseUrl = baseUrl(descriptor, request.baseUrl(), errors);
    errors.addAll(DescriptorValidation.settings(descriptor, request.settingsOrEmpty()));
    errors.addAll(DescriptorValidation.credentials(descriptor, request.credentialsOrEmpty()));
    errors.addAll(MappingValidation.sourcesAndTransforms(request.fieldMappingsOrEmpty()));
    if (!errors.isEmpty()) {
      throw new InvalidIntegration(errors);
    }
    String settings = StoredJson.writeSized("settings", request.settingsOrEmpty());
    String mappings = StoredJson.writeSized("fieldMappings", request.fieldMappingsOrEmpty());
    UUID id = UUID.randomUUID();
    Optional<CredentialRef> credential = storeCredentials(tenantId, request.credentialsOrEmpty(), actor);
    Instant now = clock.instant();
    try {
      jdbi.useExtension(ThirdPartyIntegrationDao.class, dao -> dao.insert(
          id, tenantId, descriptor.id(), request.name().strip(), baseUrl.toString(), settings, mappings,
          credential.map(CredentialRef::id).orElse(null), now, request.duplicatePolicy().column()));
    } catch (RuntimeException e) {
      // No integration points at the new envelope: destroy it rather than leave a secret behind.
      credential.ifPresent(ref -> vault.destroy(tenantId, ref, actor));
      throw e;
    }
    return get(tenantId, id);
  }

  /**
   * One integration of the tenant.
   *
   * @throws IntegrationNotFound if the tenant has none with this id
   */
  public ThirdPartyIntegration get(UUID tenantId, UUID id) {
    return jdbi.withExtension(ThirdPartyIntegrationDao.class, dao -> dao.find(tenantId, id))
        .orElseThrow(IntegrationNotFound::new);
  }

  /** The tenant's integrations in creation order. */
  public Page<ThirdPartyIntegration> list(UUID tenantId, PageRequest request) {
    List<ThirdPartyIntegration> rows = jdbi.withExtension(ThirdPartyIntegrationDao.class,
        dao -> dao.page(tenantId, request.afterCreatedAt(), request.afterId(), request.limit() + 1));
    return Page.fromOverfetch(rows, request, i -> PageRequest.cursorAfter(i.createdAt(), i.id()));
  }

  /** What may be shown of the integration's credentials. */
  public Optional<CredentialMetadata> credentialState(ThirdPartyIntegration integration) {
    return integration.credential().map(ref -> vault.describe(integration.tenantId(), ref));
  }

  /** Changes name, base URL, settings, mappings, enabled or the duplicate policy; absent fields stay as they are. */
  public ThirdPartyIntegration update(UUID tenantId, UUID id, UpdateThirdPartyIntegrationRequest request) {
    ThirdPartyIntegration current = get(tenantId, id);
    List<FieldError> errors = new ArrayList<>();
    URI baseUrl = current.baseUrl().orElse(null);
    Map<String, String> settings = current.settings();
    if (request.baseUrl() != null) {
      baseUrl = urls.checked("baseUrl", request.baseUrl(), errors);
    }
    if (request.settings() != null) {
      ConnectorDescriptor descriptor = startedConnector(current.connector());
      errors.addAll(DescriptorValidation.settings(descriptor, request.settings()));
      settings = request.settings();
    }
    if (request.fieldMappings() != null) {
      errors.addAll(MappingValidation.sourcesAndTransforms(request.fieldMappings()));
    }
    if (!errors.isEmpty()) {
      throw new InvalidIntegration(errors);
    }
    String name = request.name() == null ? current.name() : request.name().strip();
    String url = baseUrl == null ? null : baseUrl.toString();
    String settingsJson = StoredJson.writeSized("settings", settings);
    String mappings = StoredJson.writeSized("fieldMappings",
        request.fieldMappings() == null ? current.fieldMappings() : request.fieldMappings());
    boolean enabled = request.enabled() == null ? current.enabled() : request.enabled();
    String duplicates = request.duplicatePolicy().orElse(current.duplicates()).column();
    jdbi.useExtension(ThirdPartyIntegrationDao.class,
        dao -> dao.update(tenantId, id, name, url, settingsJson, mappings, enabled, duplicates, clock.instant()));
    return get(tenantId, id);
  }

  /** Replaces every credential field at once (a partial update would keep a stale secret). */
  public void replaceCredentials(UUID tenantId, UUID id, Map<String, SecretValue> credentials, Actor actor) {
    ThirdPartyIntegration current = get(tenantId, id);
    ConnectorDescriptor descriptor = startedConnector(current.connector());
    List<FieldError> errors = DescriptorValidation.credentials(descriptor, credentials);
    if (credentials.isEmpty()) {
      errors = List.of(new FieldError("credentials", "must set at least one credential field"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidIntegration(errors);
    }
    if (current.credential().isPresent()) {
      vault.replace(tenantId, current.credential().get(), credentials, actor);
      jdbi.useExtension(ThirdPartyIntegrationDao.class,
          dao -> dao.setCredential(tenantId, id, current.credential().get().id(), clock.instant()));
      return;
    }
    CredentialRef ref = vault.store(tenantId, credentials, actor).ref();
    jdbi.useExtension(ThirdPartyIntegrationDao.class, dao -> dao.setCredential(tenantId, id, ref.id(), clock.instant()));
  }

  /** Asks the connector to test the connection with the vendor. */
  public CheckResult check(UUID tenantId, UUID id) {
    ThirdPartyIntegration integration = get(tenantId, id);
    if (directory.availableTo(tenantId, integration.connector()).isEmpty()) {
      return CheckResult.failure("connector " + integration.connector() + " is not available now");
    }
    CheckResult result = checks.run(integration.connector(), tenantId, id,
        deadline -> directory.check(integration, deadline));
    result.account().filter(account -> !integration.vendorAccount().equals(Optional.of(account)))
        .ifPresent(account -> jdbi.useExtension(ThirdPartyIntegrationDao.class,
            dao -> dao.setVendorAccount(tenantId, id, account, clock.instant())));
    return result;
  }

  /** Removes the integration and destroys its credentials. */
  public void delete(UUID tenantId, UUID id, Actor actor) {
    ThirdPartyIntegration current = get(tenantId, id);
    jdbi.useExtension(ThirdPartyIntegrationDao.class, dao -> dao.delete(tenantId, id));
    current.credential().ifPresent(ref -> vault.destroy(tenantId, ref, actor));
  }

  /**
   * The connector a new integration may use: started and rolled out to the tenant.
   *
   * @throws ConnectorNotEnabled when it is started but its flag is off for the tenant
   * @throws InvalidIntegration when no such connector is started
   */
  private ConnectorDescriptor availableConnector(UUID tenantId, String connectorId) {
    Optional<ConnectorDescriptor> available = directory.availableTo(tenantId, connectorId);
    if (available.isPresent()) {
      return available.get();
    }
    if (connectorId != null && directory.started(connectorId).isPresent()) {
      throw new ConnectorNotEnabled();
    }
    throw notAConnector();
  }

  /**
   * The descriptor that validates a change to an existing integration. Rollout does not gate it: a
   * tenant whose connector was switched off may still fix settings or rotate a leaked token.
   */
  private ConnectorDescriptor startedConnector(String connectorId) {
    return directory.started(connectorId).orElseThrow(ThirdPartyIntegrationService::notAConnector);
  }

  private static InvalidIntegration notAConnector() {
    return new InvalidIntegration(List.of(new FieldError("connector", "is not a connector this tenant can use now")));
  }

  private Optional<CredentialRef> storeCredentials(UUID tenantId, Map<String, SecretValue> credentials, Actor actor) {
    if (credentials.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(vault.store(tenantId, credentials, actor).ref());
  }

  private URI baseUrl(ConnectorDescriptor descriptor, String given, List<FieldError> errors) {
    if (given == null || given.isBlank()) {
      return descriptor.defaultBaseUrl().orElseGet(() -> {
        errors.add(new FieldError("baseUrl", "is required: " + descriptor.id() + " has no default"));
        return URI.create("https://invalid.invalid");
      });
    }
    return urls.checked("baseUrl", given, errors);
  }
}
