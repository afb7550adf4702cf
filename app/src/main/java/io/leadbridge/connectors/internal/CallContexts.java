package io.leadbridge.connectors.internal;

import com.codahale.metrics.MetricRegistry;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.ConnectorMetrics;
import io.leadbridge.connectors.CallTarget;
import io.leadbridge.connectors.CredentialSource;
import io.leadbridge.connectors.IntegrationRateLimits;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the {@link CallContext} of each leased call from what all calls share: the clock, the
 * credential source, the rate limiter, the metrics registry (with each connector's series budget)
 * and the vendor HTTP transport. Thread-safe.
 */
final class CallContexts {

  private final Clock clock;
  private final CredentialSource credentialSource;
  private final IntegrationRateLimits rateLimits;
  private final MetricRegistry registry;
  private final VendorHttpTransport transport;
  private final Map<String, MetricSeries> series = new ConcurrentHashMap<>();

  CallContexts(Clock clock, CredentialSource credentialSource, IntegrationRateLimits rateLimits, MetricRegistry registry,
      VendorHttpTransport transport) {
    this.clock = clock;
    this.credentialSource = credentialSource;
    this.rateLimits = rateLimits;
    this.registry = registry;
    this.transport = transport;
  }

  /**
   * A context for one call.
   *
   * @throws IllegalArgumentException if the target does not fit the connector (settings, base URL)
   */
  CallContext create(ConnectorDescriptor descriptor, CallTarget target, Instant deadline) {
    return new CallContext(this, descriptor, target, deadline);
  }

  Clock clock() {
    return clock;
  }

  CredentialSource credentialSource() {
    return credentialSource;
  }

  IntegrationRateLimits rateLimits() {
    return rateLimits;
  }

  MetricRegistry registry() {
    return registry;
  }

  VendorHttpTransport transport() {
    return transport;
  }

  /** The series budget of one connector, shared by all its calls and versions. */
  MetricSeries series(String connectorId) {
    return series.computeIfAbsent(connectorId, id -> new MetricSeries(ConnectorMetrics.MAX_SERIES_PER_NAME));
  }
}
