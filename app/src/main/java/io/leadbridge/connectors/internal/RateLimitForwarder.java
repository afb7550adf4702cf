package io.leadbridge.connectors.internal;

import io.leadbridge.connector.api.http.RateLimitFeedback;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connectors.IntegrationKey;
import io.leadbridge.connectors.IntegrationRateLimits;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A call's rate-limit feedback, passed to the hub's limiter for the call's integration; a wait
 * longer than {@link #MAX_WAIT} is cut to it, so a confused plugin cannot park an integration for
 * good. It reaches the limiter only through {@link Sealed} functions bound to the call's
 * integration, never the limiter itself (which knows every integration). Thread-safe.
 */
final class RateLimitForwarder implements RateLimitFeedback {

  static final Duration MAX_WAIT = Duration.ofDays(1);

  private final Sealed<RateLimitReport, Void> report;
  private final Sealed<Map.Entry<Duration, RateLimitScope>, Void> retryAfter;

  RateLimitForwarder(IntegrationRateLimits limits, IntegrationKey key) {
    this.report = Sealed.of(given -> {
      limits.report(key, Objects.requireNonNull(given, "report"));
      return null;
    });
    this.retryAfter = Sealed.of(pause -> {
      limits.retryAfter(key, pause.getKey(), pause.getValue());
      return null;
    });
  }

  @Override
  public void report(RateLimitReport report) {
    this.report.apply(Objects.requireNonNull(report, "report"));
  }

  @Override
  public void retryAfter(Duration delay, RateLimitScope scope) {
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(scope, "scope");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative");
    }
    retryAfter.apply(Map.entry(delay.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : delay, scope));
  }
}
