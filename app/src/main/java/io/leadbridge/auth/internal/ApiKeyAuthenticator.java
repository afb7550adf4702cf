package io.leadbridge.auth.internal;

import io.dropwizard.auth.Authenticator;
import io.leadbridge.auth.ApiKeyStore;
import io.leadbridge.auth.ApiKeyStore.StoredApiKey;
import io.leadbridge.auth.ApiKeys;
import io.leadbridge.auth.ApiKeys.PresentedKey;
import io.leadbridge.auth.Caller;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a presented API key into a {@link Caller}; thread-safe (the store is). */
public final class ApiKeyAuthenticator implements Authenticator<String, Caller> {

  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyAuthenticator.class);

  /** Compared against when the key id is unknown, so both paths cost the same hash. */
  private static final String NO_SUCH_HASH = "0".repeat(64);

  private final ApiKeyStore store;

  public ApiKeyAuthenticator(ApiKeyStore store) {
    this.store = store;
  }

  @Override
  public Optional<Caller> authenticate(String presented) {
    Optional<PresentedKey> parsed = ApiKeys.parse(presented);
    if (parsed.isEmpty()) {
      LOG.info("authentication refused: the presented key is malformed");
      return Optional.empty();
    }
    PresentedKey key = parsed.get();
    Optional<StoredApiKey> stored = store.findUsable(key.keyId());
    boolean matches = ApiKeys.matches(key.secret(), stored.map(StoredApiKey::secretHash).orElse(NO_SUCH_HASH));
    if (stored.isEmpty() || !matches) {
      LOG.info("authentication refused: key {} is unknown, revoked or wrong", key.keyId());
      return Optional.empty();
    }
    StoredApiKey usable = stored.get();
    store.markUsed(usable.keyId());
    return Optional.of(new Caller(usable.keyId(), usable.role(), usable.tenantId()));
  }
}
