package io.leadbridge.credentials.internal;

import io.leadbridge.credentials.CredentialDecryptionException;
import io.leadbridge.credentials.CredentialException.CredentialsShreddedException;
import io.leadbridge.storage.SqlErrors;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A tenant's data keys: finds or creates the current version, and unwraps any version through the
 * cache, which first catches up with key changes other nodes recorded. Thread-safe: two nodes
 * creating a tenant's first key at once agree on the winner's.
 */
public final class TenantKeys {

  private final Jdbi jdbi;
  private final KeyProvider provider;
  private final DataKeyCache cache;
  private final KeyGenerations generations;
  private final Clock clock;

  public TenantKeys(Jdbi jdbi, KeyProvider provider, DataKeyCache cache, KeyGenerations generations, Clock clock) {
    this.jdbi = jdbi;
    this.provider = provider;
    this.cache = cache;
    this.generations = generations;
    this.clock = clock;
  }

  /** A key for sealing: the plaintext (the caller wipes it) and its version. */
  public record UsableKey(int version, byte[] key) {}

  /**
   * The tenant's newest data key, created (version 1) on the tenant's first secret.
   *
   * @return the key and whether it was just created
   */
  public Current current(UUID tenantId) {
    Optional<StoredDataKey> stored = dao(d -> d.currentKey(tenantId));
    if (stored.isPresent()) {
      return new Current(unwrap(stored.get()), false);
    }
    return new Current(create(tenantId, 1), true);
  }

  /** Result of {@link #current}. */
  public record Current(UsableKey key, boolean created) {}

  /** A new, higher version for rotation; the caller wipes the key. */
  public UsableKey createNext(UUID tenantId) {
    int next = dao(d -> d.currentKey(tenantId)).map(k -> k.version() + 1).orElse(1);
    return create(tenantId, next);
  }

  /**
   * The plaintext of one version; the caller wipes it.
   *
   * @throws CredentialDecryptionException if the version does not exist (destroyed or never made)
   */
  public byte[] version(UUID tenantId, int version) {
    return cached(
        tenantId,
        version,
        () -> {
          StoredDataKey stored =
              dao(d -> d.key(tenantId, version)).orElseThrow(CredentialDecryptionException::new);
          return provider.unwrap(tenantId, stored.kekId(), stored.wrapped());
        });
  }

  private UsableKey unwrap(StoredDataKey stored) {
    byte[] key =
        cached(
            stored.tenantId(),
            stored.version(),
            () -> provider.unwrap(stored.tenantId(), stored.kekId(), stored.wrapped()));
    return new UsableKey(stored.version(), key);
  }

  private UsableKey create(UUID tenantId, int version) {
    if (dao(d -> d.shreddedCount(tenantId)) > 0) {
      throw new CredentialsShreddedException();
    }
    KeyProvider.NewDataKey fresh = provider.generateDataKey(tenantId);
    try {
      jdbi.useExtension(
          VaultDao.class,
          d -> d.insertKey(tenantId, version, fresh.wrapped().keyId(), fresh.wrapped().bytes(), clock.instant()));
    } catch (UnableToExecuteStatementException e) {
      Arrays.fill(fresh.plaintext(), (byte) 0);
      if (SqlErrors.isUniqueViolation(e)) {
        return new UsableKey(version, version(tenantId, version));
      }
      throw e;
    }
    return new UsableKey(version, cached(tenantId, version, () -> fresh.plaintext()));
  }

  /** A copy of a key from the cache, once the cache has dropped what other nodes changed. */
  private byte[] cached(UUID tenantId, int version, Supplier<byte[]> loader) {
    generations.catchUp();
    return cache.get(tenantId, version, loader);
  }

  private <T> T dao(Function<VaultDao, T> query) {
    return jdbi.withExtension(VaultDao.class, query::apply);
  }
}
