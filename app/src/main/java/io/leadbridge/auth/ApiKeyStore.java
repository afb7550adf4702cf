package io.leadbridge.auth;

import java.util.Optional;
import java.util.UUID;

/**
 * Where authentication finds a key by its public id; implemented by the module that owns keys
 * (tenants), so that auth does not depend on it. Implementations must be thread-safe.
 */
public interface ApiKeyStore {

  /**
   * The key with this id if it may still be used: not revoked, not expired, and its tenant not offboarded.
   */
  Optional<StoredApiKey> findUsable(UUID keyId);

  /** Notes that the key just authenticated a request; may be recorded coarsely (operators see it). */
  void markUsed(UUID keyId);

  /** What is stored of a key: never the secret, only its hash. */
  record StoredApiKey(UUID keyId, Role role, Optional<UUID> tenantId, String secretHash) {}
}
