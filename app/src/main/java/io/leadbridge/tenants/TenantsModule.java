package io.leadbridge.tenants;

import io.leadbridge.auth.ApiKeyStore;
import io.leadbridge.tenants.internal.ApiKeyDao;
import io.leadbridge.tenants.internal.JdbiApiKeyStore;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Wires the tenants module: its services, resources and the key store auth reads; immutable. */
public final class TenantsModule {

  private final TenantService tenants;
  private final ApiKeyService apiKeys;
  private final ApiKeyStore keyStore;

  public TenantsModule(Jdbi jdbi, Clock clock, List<OffboardingStep> offboardingSteps) {
    this.tenants = new TenantService(jdbi, clock, offboardingSteps);
    this.apiKeys = new ApiKeyService(jdbi, tenants, clock);
    this.keyStore = new JdbiApiKeyStore(jdbi.onDemand(ApiKeyDao.class), clock);
  }

  public TenantService tenants() {
    return tenants;
  }

  public ApiKeyService apiKeys() {
    return apiKeys;
  }

  /** What authentication looks keys up in. */
  public ApiKeyStore keyStore() {
    return keyStore;
  }

  /** The JAX-RS resources of this module. */
  public List<Object> resources() {
    return List.of(
        new TenantsResource(tenants), new TenantApiKeysResource(apiKeys), new OperatorKeysResource(apiKeys),
        new MeResource(tenants));
  }
}
