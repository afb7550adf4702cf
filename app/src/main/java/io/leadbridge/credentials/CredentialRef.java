package io.leadbridge.credentials;

import java.util.Objects;
import java.util.UUID;

/**
 * What an application table stores instead of a credential: the id of its envelope in the vault.
 * Immutable.
 */
public record CredentialRef(UUID id) {

  public CredentialRef {
    Objects.requireNonNull(id, "id");
  }

  public static CredentialRef of(UUID id) {
    return new CredentialRef(id);
  }

  @Override
  public String toString() {
    return id.toString();
  }
}
