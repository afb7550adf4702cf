package io.leadbridge.tenants.internal;

import io.leadbridge.auth.ApiKeyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ApiKeyStore} authentication uses, backed by {@code api_keys}. A key's last use is
 * written at most once a minute per key on this node, so authentication does not turn every
 * request into a write. Thread-safe.
 */
public final class JdbiApiKeyStore implements ApiKeyStore {

  private final ApiKeyDao keys;
  private final Clock clock;
  private final Map<UUID, Instant> lastWritten = new ConcurrentHashMap<>();

  public JdbiApiKeyStore(ApiKeyDao keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  @Override
  public Optional<StoredApiKey> findUsable(UUID keyId) {
    return keys.findUsable(keyId, clock.instant());
  }

  @Override
  public void markUsed(UUID keyId) {
    Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    Instant previous = lastWritten.put(keyId, minute);
    if (previous == null || previous.isBefore(minute)) {
      keys.markUsed(keyId, minute);
    }
  }
}
