package io.leadbridge.credentials;

import io.leadbridge.errors.ErrorKind;
import io.leadbridge.errors.LeadbridgeException;

/**
 * The one failure for every envelope or wrapped key that cannot be opened: malformed, truncated,
 * oversized, tampered, moved to another tenant or credential, or wrapped under a key that refuses
 * it. Deliberately says nothing about which check failed. Immutable.
 */
public final class CredentialDecryptionException extends LeadbridgeException {

  private static final long serialVersionUID = 1L;

  public CredentialDecryptionException() {
    super(ErrorKind.INTERNAL, "credential_unreadable", "a stored credential cannot be decrypted");
  }
}
