package io.leadbridge.tenants.internal;

import io.leadbridge.auth.ApiKeyStore;
import java.util.Optional;
import java.util.UUID;

/** The {@link ApiKeyStore} authentication uses, backed by {@code api_keys}; thread-safe. */
public final class JdbiApiKeyStore implements ApiKeyStore {

  private final ApiKeyDao keys;

  public JdbiApiKeyStore(ApiKeyDao keys) {
    this.keys = keys;
  }

  @Override
  public Optional<StoredApiKey> findUsable(UUID keyId) {
    return keys.findUsable(keyId);
  }
}
