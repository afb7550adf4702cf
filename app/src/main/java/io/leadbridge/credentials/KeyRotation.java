package io.leadbridge.credentials;

import io.leadbridge.audit.Actor;
import io.leadbridge.audit.AuditAction;
import io.leadbridge.audit.AuditTrail;
import io.leadbridge.credentials.internal.DataKeyCache;
import io.leadbridge.credentials.internal.EnvelopeFormat;
import io.leadbridge.credentials.internal.KeyGenerationDao;
import io.leadbridge.credentials.internal.KeyProvider;
import io.leadbridge.credentials.internal.StoredDataKey;
import io.leadbridge.credentials.internal.StoredEnvelope;
import io.leadbridge.credentials.internal.TenantKeys;
import io.leadbridge.credentials.internal.VaultDao;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Key rotation without downtime: rewrapping every data key under a new KEK, and giving a tenant a
 * new data key version with its secrets re-encrypted. Both are restartable: each key or envelope is
 * updated on its own, only if it is still what was read, so a run killed half-way and run again
 * finishes the job, and a run with nothing left to do changes nothing. Thread-safe.
 */
public final class KeyRotation {

  private static final int BATCH = 100;
  /** The nil UUID sorts first in both databases, which compare UUIDs as unsigned bytes. */
  private static final UUID BEFORE_ALL = new UUID(0, 0);

  private final Jdbi jdbi;
  private final KeyProvider provider;
  private final TenantKeys keys;
  private final DataKeyCache cache;
  private final AuditTrail audit;

  KeyRotation(Jdbi jdbi, KeyProvider provider, TenantKeys keys, DataKeyCache cache, AuditTrail audit) {
    this.jdbi = jdbi;
    this.provider = provider;
    this.keys = keys;
    this.cache = cache;
    this.audit = audit;
  }

  /** What a rewrap run did. */
  public record RewrapReport(String targetKeyId, int rewrapped, int skipped) {}

  /** What a tenant rotation did. */
  public record TenantRotationReport(
      UUID tenantId, int newVersion, int reencrypted, int unreadable, int retiredKeys) {}

  /**
   * Rewraps every data key not yet under {@code targetKeyReference}; with KMS the plaintext key
   * never leaves the key service (ReEncrypt).
   */
  public RewrapReport rewrapAll(String targetKeyReference, Actor actor) {
    String target = provider.resolve(targetKeyReference);
    int rewrapped = 0;
    int skipped = 0;
    UUID afterTenant = BEFORE_ALL;
    int afterVersion = 0;
    while (true) {
      UUID tenant = afterTenant;
      int version = afterVersion;
      List<StoredDataKey> batch =
          jdbi.withExtension(VaultDao.class, d -> d.keysNotUnder(target, tenant, version, BATCH));
      if (batch.isEmpty()) {
        // Every node unwraps its keys afresh, under the new KEK, within a second: none keeps using
        // a key unwrapped under the old one, which may be about to be disabled. Also after a run
        // with nothing left to do, since a run killed before this line may have done the rewraps.
        jdbi.useTransaction(h -> h.attach(KeyGenerationDao.class).allKeysChanged());
        return new RewrapReport(target, rewrapped, skipped);
      }
      for (StoredDataKey key : batch) {
        KeyProvider.WrappedDataKey rewrappedKey =
            provider.rewrap(key.tenantId(), key.kekId(), key.wrapped(), target);
        int updated =
            jdbi.withExtension(
                VaultDao.class,
                d -> d.rewrapKey(key.tenantId(), key.version(), key.kekId(), rewrappedKey.keyId(), rewrappedKey.bytes()));
        if (updated == 1) {
          rewrapped++;
          audit.record(
              Optional.of(key.tenantId()), actor, AuditAction.DATA_KEY_REWRAPPED,
              "data key v" + key.version(), "rewrap under " + rewrappedKey.keyId());
        } else {
          skipped++;
        }
        afterTenant = key.tenantId();
        afterVersion = key.version();
      }
    }
  }

  /**
   * Creates the tenant's next data key version, re-encrypts every envelope sealed under an older
   * one, and destroys the older keys no envelope needs any more. An envelope that no longer
   * decrypts is left as it is (counted as unreadable), and so is the key it names: rotation never
   * destroys the last chance of reading a secret.
   */
  public TenantRotationReport rotateTenant(UUID tenantId, Actor actor) {
    TenantKeys.UsableKey next = keys.createNext(tenantId);
    int reencrypted = 0;
    int unreadable = 0;
    try {
      audit.record(
          Optional.of(tenantId), actor, AuditAction.TENANT_KEY_ROTATED, "data key v" + next.version(), "rotate-tenant");
      UUID after = BEFORE_ALL;
      List<StoredEnvelope> batch;
      while (!(batch = olderEnvelopes(tenantId, next.version(), after)).isEmpty()) {
        for (StoredEnvelope envelope : batch) {
          try {
            reencrypted += reencrypt(envelope, next);
          } catch (CredentialDecryptionException e) {
            unreadable++;
          }
          after = envelope.id();
        }
      }
    } finally {
      Arrays.fill(next.key(), (byte) 0);
    }
    // Other nodes drop the retired keys, and any copy of the tenant's keys, within a second of this commit.
    int retired = jdbi.inTransaction(h -> {
      int deleted = h.attach(VaultDao.class).deleteUnusedKeysBefore(tenantId, next.version());
      h.attach(KeyGenerationDao.class).tenantKeysChanged(tenantId);
      return deleted;
    });
    cache.invalidate(tenantId);
    return new TenantRotationReport(tenantId, next.version(), reencrypted, unreadable, retired);
  }

  private List<StoredEnvelope> olderEnvelopes(UUID tenantId, int version, UUID afterId) {
    return jdbi.withExtension(VaultDao.class, d -> d.envelopesBefore(tenantId, version, afterId, BATCH));
  }

  /** Moves one envelope to the new key; 0 if it changed meanwhile (a replace already moved it). */
  private int reencrypt(StoredEnvelope envelope, TenantKeys.UsableKey next) {
    int oldVersion = EnvelopeFormat.keyVersion(envelope.envelope());
    byte[] oldKey = keys.version(envelope.tenantId(), oldVersion);
    byte[] plaintext = null;
    try {
      plaintext = EnvelopeFormat.open(oldKey, envelope.tenantId(), envelope.id(), envelope.envelope());
      byte[] sealed = EnvelopeFormat.seal(next.key(), next.version(), envelope.tenantId(), envelope.id(), plaintext);
      return jdbi.withExtension(
          VaultDao.class,
          d -> d.reencryptEnvelope(
              envelope.id(), envelope.tenantId(), oldVersion, envelope.envelope(), next.version(), sealed));
    } finally {
      Arrays.fill(oldKey, (byte) 0);
      if (plaintext != null) {
        Arrays.fill(plaintext, (byte) 0);
      }
    }
  }
}
