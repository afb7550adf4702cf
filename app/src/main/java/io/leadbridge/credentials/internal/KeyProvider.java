package io.leadbridge.credentials.internal;

import java.util.UUID;

/**
 * Wraps and unwraps tenant data keys under a key-encryption key (KEK), always bound to the
 * encryption context {@code {"tenant": "<id>"}}; exists so that the vault works the same on AWS KMS
 * and on the local key file. Implementations are thread-safe.
 *
 * <p>Failures: a wrapped key that the KEK refuses ends in
 * {@link io.leadbridge.credentials.CredentialDecryptionException}; an unreachable, throttling,
 * disabled or unauthorised key service in
 * {@link io.leadbridge.credentials.CredentialException.KeyServiceUnavailableException}.
 */
public interface KeyProvider extends AutoCloseable {

  /** @return {@code local} or {@code aws-kms} */
  String kind();

  /** @return the canonical id of the KEK new data keys are wrapped under */
  String currentKeyId();

  /** A fresh 256-bit data key for a tenant, in plaintext and wrapped under the current KEK. */
  NewDataKey generateDataKey(UUID tenantId);

  /** The plaintext of a wrapped data key; the caller wipes it. */
  byte[] unwrap(UUID tenantId, String keyId, byte[] wrapped);

  /** The same data key wrapped under another KEK, without the plaintext leaving the key service. */
  WrappedDataKey rewrap(UUID tenantId, String keyId, byte[] wrapped, String targetKeyId);

  /** The canonical id of a key reference (an alias or a name), as stored beside wrapped keys. */
  String resolve(String keyReference);

  /** Throws if the key service cannot wrap with the current KEK now; for health checks. */
  void probe();

  @Override
  void close();

  /** A data key just generated: the caller wipes {@code plaintext}. */
  record NewDataKey(byte[] plaintext, WrappedDataKey wrapped) {}

  /** A data key as stored: the wrapped bytes and the canonical id of the KEK that wrapped them. */
  record WrappedDataKey(byte[] bytes, String keyId) {}
}
