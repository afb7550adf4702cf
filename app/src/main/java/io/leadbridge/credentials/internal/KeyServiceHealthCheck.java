package io.leadbridge.credentials.internal;

import com.codahale.metrics.health.HealthCheck;
import io.leadbridge.credentials.CredentialException.KeyServiceUnavailableException;

/**
 * Reports whether the key service can be used now; unhealthy means every credential open that
 * misses the cache fails closed, while work that needs no credential goes on. Thread-safe.
 */
public final class KeyServiceHealthCheck extends HealthCheck {

  private final KeyProvider provider;

  public KeyServiceHealthCheck(KeyProvider provider) {
    this.provider = provider;
  }

  @Override
  protected Result check() {
    try {
      provider.probe();
      return Result.healthy(provider.kind() + " key service reachable");
    } catch (KeyServiceUnavailableException e) {
      return Result.unhealthy(e.getMessage());
    }
  }
}
