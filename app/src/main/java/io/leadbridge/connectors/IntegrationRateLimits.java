package io.leadbridge.connectors;

import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The per-integration rate limiter the plugins' HTTP client asks before each send, and where the
 * vendor's rate-limit feedback goes; the delivery module implements it. Implementations must be
 * thread-safe and must not throw for well-formed input.
 */
public interface IntegrationRateLimits {

  /**
   * Takes a permit for one request, waiting for one at most until {@code deadline}.
   *
   * @param profile the connector's documented default limits, until feedback says more
   * @return granted, or when a permit is expected if none comes before the deadline
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  Permit acquire(IntegrationKey key, RateLimitProfile profile, Instant deadline) throws InterruptedException;

  /**
   * The request a granted permit was for has ended (answered, failed or timed out): the vendor has
   * seen it by now if it ever will, so the limiter may count it in the window from here on rather
   * than from when it was granted. Called once per granted permit.
   */
  void finished(IntegrationKey key, Permit permit);

  /** What the vendor's rate-limit headers said. */
  void report(IntegrationKey key, RateLimitReport report);

  /** The vendor asked for no calls for {@code delay} (at most one day; longer asks are cut). */
  void retryAfter(IntegrationKey key, Duration delay, RateLimitScope scope);

  /** No limiting and no memory: every request may go. */
  static IntegrationRateLimits unlimited() {
    return new IntegrationRateLimits() {
      @Override
      public Permit acquire(IntegrationKey key, RateLimitProfile profile, Instant deadline) {
        return Permit.GRANTED;
      }

      @Override
      public void finished(IntegrationKey key, Permit permit) {
        // Nothing is counted without a limiter.
      }

      @Override
      public void report(IntegrationKey key, RateLimitReport report) {
        // Nothing adapts without a limiter.
      }

      @Override
      public void retryAfter(IntegrationKey key, Duration delay, RateLimitScope scope) {
        // Nothing pauses without a limiter.
      }
    };
  }

  /**
   * The limiter's answer; immutable.
   *
   * @param granted whether the request may go now
   * @param retryAfter when a permit is expected, if not granted
   * @param scope which limit is exhausted, if not granted
   * @param send the limiter's record of the granted request, handed back in {@link #finished}
   */
  record Permit(boolean granted, Duration retryAfter, RateLimitScope scope, Optional<UUID> send) {

    /** The request may go; the limiter keeps no record of it. */
    public static final Permit GRANTED = new Permit(true, Duration.ZERO, RateLimitScope.WINDOW, Optional.empty());

    public Permit {
      Objects.requireNonNull(retryAfter, "retryAfter");
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(send, "send");
      if (retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative");
      }
    }

    /** The request may go; the limiter counts it as {@code send}. */
    public static Permit granted(UUID send) {
      return new Permit(true, Duration.ZERO, RateLimitScope.WINDOW, Optional.of(send));
    }

    /** No permit before the deadline; one is expected after {@code retryAfter}. */
    public static Permit throttled(Duration retryAfter, RateLimitScope scope) {
      return new Permit(false, retryAfter, scope, Optional.empty());
    }
  }
}
