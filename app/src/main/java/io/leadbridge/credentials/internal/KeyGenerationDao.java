package io.leadbridge.credentials.internal;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for the vault's key generations ({@code credentials.key_generation} and
 * {@code credentials.tenant_key_generations}), apart from {@link VaultDao} because nodes read them
 * once a second and a small SQL object is cheaper to attach. Jdbi makes on-demand instances
 * thread-safe; the recording methods belong in the key change's own transaction.
 */
@RegisterConstructorMapper(KeyGeneration.class)
public interface KeyGenerationDao {

  @SqlQuery("SELECT generation, all_tenants_since FROM credentials.key_generation WHERE id = 1")
  KeyGeneration current();

  @SqlQuery("SELECT tenant_id FROM credentials.tenant_key_generations WHERE generation > :after")
  List<UUID> tenantsChangedAfter(@Bind("after") long after);

  /**
   * Records, in the caller's transaction, that a tenant's data keys changed. Raising the counter
   * first takes its row lock, so concurrent changes are numbered one after the other and the
   * tenant row written next is never behind a counter another node can already read.
   */
  default void tenantKeysChanged(UUID tenantId) {
    raise();
    long generation = current().generation();
    if (setTenantGeneration(tenantId, generation) == 0) {
      insertTenantGeneration(tenantId, generation);
    }
  }

  /** Records, in the caller's transaction, that every tenant's data keys changed (a KEK rewrap). */
  @SqlUpdate(
      "UPDATE credentials.key_generation SET generation = generation + 1, all_tenants_since = generation + 1"
          + " WHERE id = 1")
  void allKeysChanged();

  @SqlUpdate("UPDATE credentials.key_generation SET generation = generation + 1 WHERE id = 1")
  void raise();

  @SqlUpdate("UPDATE credentials.tenant_key_generations SET generation = :generation WHERE tenant_id = :tenantId")
  int setTenantGeneration(@Bind("tenantId") UUID tenantId, @Bind("generation") long generation);

  @SqlUpdate("INSERT INTO credentials.tenant_key_generations (tenant_id, generation) VALUES (:tenantId, :generation)")
  void insertTenantGeneration(@Bind("tenantId") UUID tenantId, @Bind("generation") long generation);
}
