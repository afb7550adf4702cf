package io.leadbridge.connectors.internal;

import io.leadbridge.connector.api.http.RateLimitFeedback;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connectors.IntegrationKey;
import io.leadbridge.connectors.IntegrationRateLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * A call's rate-limit feedback, passed to the hub's limiter for the call's integration; a wait
 * longer than {@link #MAX_WAIT} is cut to it, so a confused plugin cannot park an integration for
 * good. Thread-safe.
 */
final class RateLimitForwarder implements RateLimitFeedback {

  static final Duration MAX_WAIT = Duration.ofDays(1);

  private final IntegrationRateLimits limits;
  private final IntegrationKey key;

  RateLimitForwarder(IntegrationRateLimits limits, IntegrationKey key) {
    this.limits = limits;
    this.key = key;
  }

  @Override
  public void report(RateLimitReport report) {
    limits.report(key, Objects.requireNonNull(report, "report"));
  }

  @Override
  public void retryAfter(Duration delay, RateLimitScope scope) {
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(scope, "scope");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative");
    }
    limits.retryAfter(key, delay.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : delay, scope);
  }
}
