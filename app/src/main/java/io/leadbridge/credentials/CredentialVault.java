package io.leadbridge.credentials;

import io.leadbridge.audit.Actor;
import io.leadbridge.audit.AuditAction;
import io.leadbridge.audit.AuditTrail;
import io.leadbridge.credentials.CredentialException.CredentialNotFoundException;
import io.leadbridge.credentials.internal.CredentialFields;
import io.leadbridge.credentials.internal.DataKeyCache;
import io.leadbridge.credentials.internal.EnvelopeFormat;
import io.leadbridge.credentials.internal.EnvelopeLookup;
import io.leadbridge.credentials.internal.Fingerprints;
import io.leadbridge.credentials.internal.KeyGenerationDao;
import io.leadbridge.credentials.internal.StoredEnvelope;
import io.leadbridge.credentials.internal.TenantKeys;
import io.leadbridge.credentials.internal.VaultDao;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The only way to store, replace, open and destroy a tenant's credentials, by reference; exists so
 * that secrets live only as envelopes in the vault's own schema and are revealed only inside a
 * callback. Every write, open and destruction is audited (never the value). Thread-safe.
 */
public final class CredentialVault {

  private final Jdbi jdbi;
  private final TenantKeys keys;
  private final DataKeyCache cache;
  private final AuditTrail audit;
  private final Clock clock;

  CredentialVault(Jdbi jdbi, TenantKeys keys, DataKeyCache cache, AuditTrail audit, Clock clock) {
    this.jdbi = jdbi;
    this.keys = keys;
    this.cache = cache;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Encrypts and stores a new credential for a tenant. The values are not wiped: the caller owns
   * them.
   *
   * @throws CredentialException.InvalidCredentialException if the fields break a rule
   * @throws CredentialException.KeyServiceUnavailableException if no data key can be had now
   */
  public CredentialMetadata store(UUID tenantId, Map<String, SecretValue> fields, Actor actor) {
    CredentialFields.validate(fields);
    UUID id = UUID.randomUUID();
    Sealed sealed = seal(tenantId, id, fields, actor);
    Instant now = clock.instant();
    jdbi.useExtension(
        VaultDao.class,
        d -> d.insertEnvelope(id, tenantId, sealed.keyVersion, sealed.envelope, sealed.names, sealed.fingerprint, now));
    audit.record(Optional.of(tenantId), actor, AuditAction.CREDENTIAL_STORED, id.toString(), null);
    return describe(tenantId, CredentialRef.of(id));
  }

  /**
   * Replaces every field of a stored credential with new values (a partial update would leave a
   * stale secret behind).
   *
   * @throws CredentialNotFoundException if the tenant has no such credential
   */
  public CredentialMetadata replace(
      UUID tenantId, CredentialRef ref, Map<String, SecretValue> fields, Actor actor) {
    CredentialFields.validate(fields);
    requireEnvelope(tenantId, ref);
    Sealed sealed = seal(tenantId, ref.id(), fields, actor);
    int updated =
        jdbi.withExtension(
            VaultDao.class,
            d -> d.replaceEnvelope(
                ref.id(), tenantId, sealed.keyVersion, sealed.envelope, sealed.names, sealed.fingerprint, clock.instant()));
    if (updated == 0) {
      throw new CredentialNotFoundException();
    }
    audit.record(Optional.of(tenantId), actor, AuditAction.CREDENTIAL_REPLACED, ref.toString(), null);
    return describe(tenantId, ref);
  }

  /**
   * Decrypts a credential and hands it to {@code use}; every value is wiped when {@code use}
   * returns or throws. The open is audited with its purpose.
   *
   * @param purpose why it is opened, e.g. {@code deliver}, {@code check} (never a value)
   * @throws CredentialNotFoundException if the tenant has no such credential
   * @throws CredentialDecryptionException if the envelope or its key is unreadable
   * @throws CredentialException.KeyServiceUnavailableException if the key service is down
   */
  public <T, X extends Exception> T open(
      UUID tenantId, CredentialRef ref, String purpose, Actor actor, CredentialUse<T, X> use) throws X {
    StoredEnvelope stored = requireEnvelope(tenantId, ref);
    OpenedCredential opened;
    try {
      opened = new OpenedCredential(decrypt(stored));
    } catch (CredentialException | CredentialDecryptionException e) {
      audit.record(Optional.of(tenantId), actor, AuditAction.CREDENTIAL_OPEN_FAILED, ref.toString(), purpose);
      throw e;
    }
    try {
      audit.record(Optional.of(tenantId), actor, AuditAction.CREDENTIAL_OPENED, ref.toString(), purpose);
      return use.apply(opened);
    } finally {
      opened.wipe();
    }
  }

  /** Destroys one credential; idempotent. */
  public void destroy(UUID tenantId, CredentialRef ref, Actor actor) {
    int deleted = jdbi.withExtension(VaultDao.class, d -> d.deleteEnvelope(ref.id(), tenantId));
    if (deleted > 0) {
      audit.record(Optional.of(tenantId), actor, AuditAction.CREDENTIAL_DESTROYED, ref.toString(), null);
    }
  }

  /**
   * What may be shown about a credential.
   *
   * @throws CredentialNotFoundException if the tenant has no such credential
   */
  public CredentialMetadata describe(UUID tenantId, CredentialRef ref) {
    StoredEnvelope stored = requireEnvelope(tenantId, ref);
    return new CredentialMetadata(ref, tenantId, stored.fieldNames(), stored.fingerprint(), stored.updatedAt());
  }

  /**
   * Crypto-shredding: destroys every data key and envelope of a tenant and forbids new ones, so
   * its secrets cannot be recovered even from a copy of the envelopes. Idempotent.
   */
  public void shredTenant(UUID tenantId, Actor actor) {
    jdbi.useTransaction(
        handle -> {
          VaultDao dao = handle.attach(VaultDao.class);
          dao.markShredded(tenantId, clock.instant());
          dao.deleteKeys(tenantId);
          dao.deleteEnvelopes(tenantId);
          // Other nodes drop their cached copies of these keys within a second of this commit.
          handle.attach(KeyGenerationDao.class).tenantKeysChanged(tenantId);
        });
    cache.invalidate(tenantId);
    audit.record(Optional.of(tenantId), actor, AuditAction.TENANT_KEYS_SHREDDED, "all data keys", null);
  }

  private StoredEnvelope requireEnvelope(UUID tenantId, CredentialRef ref) {
    return jdbi.withExtension(EnvelopeLookup.class, d -> d.envelope(ref.id(), tenantId))
        .orElseThrow(CredentialNotFoundException::new);
  }

  private Map<String, SecretValue> decrypt(StoredEnvelope stored) {
    int version = EnvelopeFormat.keyVersion(stored.envelope());
    byte[] key = keys.version(stored.tenantId(), version);
    byte[] plaintext = null;
    try {
      plaintext = EnvelopeFormat.open(key, stored.tenantId(), stored.id(), stored.envelope());
      return CredentialFields.decode(plaintext);
    } finally {
      Arrays.fill(key, (byte) 0);
      if (plaintext != null) {
        Arrays.fill(plaintext, (byte) 0);
      }
    }
  }

  /**
   * Keyed digests of values the hub must recognise again without keeping them (a shopper's
   * e-mail, phone, vehicle): HMAC-SHA256 under a key derived from the tenant's current data key, so
   * they mean nothing without the key service and nothing at all once the tenant is shredded.
   *
   * @return the digests in the values' order, with the data key version they were made under
   * @throws CredentialException.KeyServiceUnavailableException if no data key can be had now
   */
  public KeyedDigests keyedDigests(UUID tenantId, List<String> values) {
    TenantKeys.Current current = keys.current(tenantId);
    if (current.created()) {
      audit.record(Optional.of(tenantId), Actor.system("lead intake"), AuditAction.DATA_KEY_CREATED,
          "data key v" + current.key().version(), null);
    }
    byte[] key = current.key().key();
    try {
      return new KeyedDigests(current.key().version(), values.stream().map(v -> Fingerprints.digest(key, v)).toList());
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Digests and the tenant data key version they were made under; immutable. */
  public record KeyedDigests(int keyVersion, List<String> digests) {}

  private Sealed seal(UUID tenantId, UUID credentialId, Map<String, SecretValue> fields, Actor actor) {
    TenantKeys.Current current = keys.current(tenantId);
    if (current.created()) {
      audit.record(Optional.of(tenantId), actor, AuditAction.DATA_KEY_CREATED, "data key v" + current.key().version(), null);
    }
    byte[] key = current.key().key();
    byte[] plaintext = CredentialFields.encode(fields);
    try {
      byte[] envelope = EnvelopeFormat.seal(key, current.key().version(), tenantId, credentialId, plaintext);
      return new Sealed(
          current.key().version(), envelope, String.join(",", new TreeSet<>(fields.keySet())), Fingerprints.of(key, plaintext));
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private record Sealed(int keyVersion, byte[] envelope, String names, String fingerprint) {}
}
