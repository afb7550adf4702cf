package io.leadbridge.delivery;

import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connectors.IntegrationKey;
import io.leadbridge.connectors.IntegrationRateLimits;
import io.leadbridge.delivery.internal.IntegrationPaces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Paces every integration's vendor calls: starts from the connector's documented profile, then
 * follows the vendor's rate-limit headers and {@code Retry-After}. The plugins' HTTP client asks
 * it before each send; the delivery engine asks it before claiming work, so rate-limited work
 * stays in the outbox instead of in a waiting thread. Per node. Thread-safe.
 */
public final class VendorRateLimiter implements IntegrationRateLimits {

  private static final Duration LONGEST_PAUSE = Duration.ofDays(1);

  private final IntegrationPaces paces;
  private final Clock clock;

  public VendorRateLimiter(Duration guard, Clock clock) {
    this.paces = new IntegrationPaces(guard);
    this.clock = clock;
  }

  @Override
  public Permit acquire(IntegrationKey key, RateLimitProfile profile, Instant deadline) throws InterruptedException {
    while (true) {
      Instant now = clock.instant();
      Optional<IntegrationPaces.Delay> delay = paces.tryTake(key, profile, now);
      if (delay.isEmpty()) {
        return Permit.GRANTED;
      }
      Duration wait = delay.get().duration();
      if (now.plus(wait).isAfter(deadline)) {
        return Permit.throttled(wait, delay.get().scope());
      }
      Thread.sleep(Math.max(1, wait.toMillis()));
    }
  }

  @Override
  public void report(IntegrationKey key, RateLimitReport report) {
    paces.report(key, report, clock.instant());
  }

  @Override
  public void retryAfter(IntegrationKey key, Duration delay, RateLimitScope scope) {
    Duration cut = delay.isNegative() ? Duration.ZERO : (delay.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : delay);
    paces.pause(key, clock.instant().plus(cut), scope);
  }

  /** How long before this integration may call its vendor again; zero if it may now. */
  public Duration waitFor(IntegrationKey key) {
    return paces.waitFor(key, clock.instant());
  }
}
