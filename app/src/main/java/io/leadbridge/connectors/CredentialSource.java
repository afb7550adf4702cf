package io.leadbridge.connectors;

import io.leadbridge.connector.api.CredentialUnavailableException;

/**
 * Where a connector call's credentials come from: the credential vault implements it. The host
 * asks only at the moment a plugin uses a credential (a send that injects it, or
 * {@code withSecret}) and wipes what it got as soon as that use is over. Implementations must be
 * thread-safe and must record every reveal in the audit trail (the field, never the value).
 */
public interface CredentialSource {

  /** Whether the integration has a value for the field. */
  boolean isSet(CredentialRef ref);

  /**
   * Decrypts one credential into a new array that the caller owns and wipes.
   *
   * @throws CredentialUnavailableException if the value is not set or cannot be decrypted now; the
   *     message names the field, never a value
   */
  char[] reveal(CredentialRef ref);

  /** The source for a hub without a vault: nothing is set, and nothing can be revealed. */
  static CredentialSource none() {
    return new CredentialSource() {
      @Override
      public boolean isSet(CredentialRef ref) {
        return false;
      }

      @Override
      public char[] reveal(CredentialRef ref) {
        throw new CredentialUnavailableException("credential field " + ref.field() + " is not set: no credential vault");
      }
    };
  }
}
