package io.leadbridge.delivery.internal;

import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connectors.IntegrationKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@link PacedIntegration} of every integration this node has called, created on first use.
 * Thread-safe: each integration's pace is used under its own lock.
 */
public final class IntegrationPaces {

  private final ConcurrentMap<IntegrationKey, PacedIntegration> paces = new ConcurrentHashMap<>();
  private final Duration guard;

  public IntegrationPaces(Duration guard) {
    this.guard = guard;
  }

  /**
   * Takes a send slot now if there is one.
   *
   * @return empty when the call may go (and it is counted), else how long to wait
   */
  public Optional<Delay> tryTake(IntegrationKey key, RateLimitProfile profile, Instant now) {
    PacedIntegration pace = paces.computeIfAbsent(key, k -> new PacedIntegration(profile, guard));
    synchronized (pace) {
      pace.profile(profile);
      PacedIntegration.Wait wait = pace.waitAt(now);
      if (wait.none()) {
        pace.sent(now);
        return Optional.empty();
      }
      return Optional.of(new Delay(wait.duration(), wait.scope()));
    }
  }

  /** How long before a call may go; zero for an integration not called yet. */
  public Duration waitFor(IntegrationKey key, Instant now) {
    PacedIntegration pace = paces.get(key);
    if (pace == null) {
      return Duration.ZERO;
    }
    synchronized (pace) {
      PacedIntegration.Wait wait = pace.waitAt(now);
      return wait.none() ? Duration.ZERO : wait.duration();
    }
  }

  public void report(IntegrationKey key, RateLimitReport report, Instant now) {
    PacedIntegration pace = paces.get(key);
    if (pace != null) {
      synchronized (pace) {
        pace.report(report, now);
      }
    }
  }

  public void pause(IntegrationKey key, Instant until, RateLimitScope scope) {
    PacedIntegration pace = paces.computeIfAbsent(key, k -> new PacedIntegration(RateLimitProfile.of(1, Duration.ofSeconds(1)), guard));
    synchronized (pace) {
      pace.pause(until, scope);
    }
  }

  /**
   * A wait the vendor's limits impose; immutable.
   *
   * @param scope which limit binds
   */
  public record Delay(Duration duration, RateLimitScope scope) {}
}
