package io.leadbridge.delivery.internal;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The engine's metrics on the admin port, per connector ({@code delivery.<connector>.<event>}) and
 * per integration ({@code delivery.<connector>.integration.<id>.<event>}): meters for delivered,
 * retried, rate_limited, dead and held deliveries, and a latency timer per call. Thread-safe.
 */
public final class DeliveryMeters {

  /** What can happen to a delivery in one call. */
  public enum Event {
    DELIVERED, RETRIED, RATE_LIMITED, DEAD, HELD;

    String metricName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final MetricRegistry metrics;

  public DeliveryMeters(MetricRegistry metrics) {
    this.metrics = metrics;
  }

  static String connectorPrefix(String connectorId) {
    return MetricRegistry.name("delivery", connectorId);
  }

  static String integrationPrefix(String connectorId, UUID integrationId) {
    return MetricRegistry.name("delivery", connectorId, "integration", integrationId.toString());
  }

  /** Removes a removed integration's series, so they do not outlive it on every node. */
  public void forget(String connectorId, UUID integrationId) {
    String prefix = integrationPrefix(connectorId, integrationId) + ".";
    metrics.removeMatching((name, metric) -> name.startsWith(prefix));
  }

  public void mark(String connectorId, UUID integrationId, Event event, int count) {
    if (count > 0) {
      metrics.meter(MetricRegistry.name(connectorPrefix(connectorId), event.metricName())).mark(count);
      metrics.meter(MetricRegistry.name(integrationPrefix(connectorId, integrationId), event.metricName())).mark(count);
    }
  }

  public void latency(String connectorId, UUID integrationId, Duration took) {
    timer(connectorPrefix(connectorId)).update(took.toNanos(), TimeUnit.NANOSECONDS);
    timer(integrationPrefix(connectorId, integrationId)).update(took.toNanos(), TimeUnit.NANOSECONDS);
  }

  private Timer timer(String prefix) {
    return metrics.timer(MetricRegistry.name(prefix, "latency"));
  }
}
