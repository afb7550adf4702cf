package io.leadbridge.credentials;

import io.leadbridge.errors.ErrorKind;
import io.leadbridge.errors.LeadbridgeException;

/**
 * Root of the credentials module's failures; each subclass is one API error code. Messages never
 * name a value, a key or a ciphertext. Immutable.
 */
public abstract class CredentialException extends LeadbridgeException {

  private static final long serialVersionUID = 1L;

  CredentialException(ErrorKind kind, String code, String message) {
    super(kind, code, message);
  }

  /** No stored credential has this reference under this tenant. */
  public static final class CredentialNotFoundException extends CredentialException {
    private static final long serialVersionUID = 1L;

    public CredentialNotFoundException() {
      super(ErrorKind.NOT_FOUND, "credential_not_found", "no such credential");
    }
  }

  /** The credential set breaks a rule (field name, size, count). */
  public static final class InvalidCredentialException extends CredentialException {
    private static final long serialVersionUID = 1L;

    public InvalidCredentialException(String message) {
      super(ErrorKind.VALIDATION, "invalid_credential", message);
    }
  }

  /**
   * The key service (KMS, or the local key file) cannot be reached or refused the call; fails
   * closed, retryable.
   */
  public static final class KeyServiceUnavailableException extends CredentialException {
    private static final long serialVersionUID = 1L;

    public KeyServiceUnavailableException(String reason, Throwable cause) {
      super(ErrorKind.UNAVAILABLE, "key_service_unavailable", "the key service is unavailable: " + reason);
      initCause(cause);
    }
  }

  /** The tenant's keys were destroyed at offboarding; its credentials are gone for good. */
  public static final class CredentialsShreddedException extends CredentialException {
    private static final long serialVersionUID = 1L;

    public CredentialsShreddedException() {
      super(ErrorKind.CONFLICT, "credentials_destroyed", "the tenant's credentials were destroyed");
    }
  }
}
